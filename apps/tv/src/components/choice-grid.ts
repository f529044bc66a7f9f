// The remote on a page that lays its choices out as a grid (procedures, appointments, e-services, writing a post):
// arrows move (Left/Right mirrored in right-to-left, and only where there are columns), OK chooses, Back goes up a step.
import { horizontalStep } from './look';

export interface ChoiceGridPage {
  cols: number;
  rtl: boolean;
  moveFocus(step: number): void;
  goUp(): void;
}

/** The page's `input`; `choose` names its method that acts on the focused choice. */
export function choiceGridInput<Choose extends string>(choose: Choose) {
  type Page = ChoiceGridPage & Record<Choose, () => void>;
  return {
    up(this: Page) {
      this.moveFocus(-this.cols);
    },
    down(this: Page) {
      this.moveFocus(this.cols);
    },
    left(this: Page) {
      if (this.cols > 1) this.moveFocus(horizontalStep('left', this.rtl));
    },
    right(this: Page) {
      if (this.cols > 1) this.moveFocus(horizontalStep('right', this.rtl));
    },
    enter(this: Page) {
      this[choose]();
    },
    back(this: Page) {
      this.goUp();
    },
  };
}
