// The listener registry every TV realtime module passes its events through: who hears an event, and what a failing
// or leaving listener does to the others.
import { listenerSet } from '../src/api/listeners';

describe('a set of listeners to one kind of event', () => {
  let errors: jest.SpyInstance;

  beforeEach(() => {
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    errors.mockRestore();
  });

  it('passes each event to every listener registered, in the order they came', () => {
    const heard: string[] = [];
    const events = listenerSet<number>('test event');
    events.on((n) => heard.push('list ' + n));
    events.on((n) => heard.push('detail ' + n));

    events.emit(1);
    events.emit(2);

    expect(heard).toEqual(['list 1', 'detail 1', 'list 2', 'detail 2']);
  });

  it('stops passing events to a listener once it is removed, and removing it twice is harmless', () => {
    const heard: number[] = [];
    const events = listenerSet<number>('test event');
    const stop = events.on((n) => heard.push(n));
    events.on(() => undefined);

    events.emit(1);
    stop();
    stop();
    events.emit(2);

    expect(heard).toEqual([1]);
  });

  it('keeps passing the event to the others when one listener throws, and says which kind failed', () => {
    const heard: string[] = [];
    const events = listenerSet<string>('feed event');
    events.on(() => {
      throw new Error('screen gone');
    });
    events.on((name) => heard.push(name));

    expect(() => events.emit('feed.post_created')).not.toThrow();

    expect(heard).toEqual(['feed.post_created']);
    expect(errors).toHaveBeenCalledWith('feed event listener failed', expect.any(Error));
  });

  it('gives an event to every listener there was when it came, even if one of them leaves while hearing it', () => {
    const heard: string[] = [];
    const events = listenerSet<number>('test event');
    const stopFirst = events.on(() => {
      heard.push('first');
      stopFirst();
    });
    events.on(() => heard.push('second'));

    events.emit(1);
    events.emit(2);

    expect(heard).toEqual(['first', 'second', 'second']);
  });

  it('keeps the listeners of one kind of event apart from another kind', () => {
    const heard: string[] = [];
    const feed = listenerSet<string>('feed event');
    const reports = listenerSet<string>('report event');
    feed.on((name) => heard.push('feed ' + name));
    reports.on((name) => heard.push('reports ' + name));

    reports.emit('report.updated');

    expect(heard).toEqual(['reports report.updated']);
  });
});
