// The optional picture of a notice: uploaded as soon as it is chosen (the API re-encodes it for the TV), previewed here.
import { useEffect, useState } from 'react';
import type { NoticePicture } from '@palier/contracts';
import { api } from '../../api/client';
import { problemText } from '../../api/problem';
import { Alert } from '../../components/Alert';
import { Spinner } from '../../components/Spinner';
import { formatNumber } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session';

type Upload =
  | { status: 'none' }
  | { status: 'uploading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; picture: NoticePicture; preview: string };

export function NoticePictureField({ pictureId, onChange }: { pictureId: string; onChange: (pictureId: string) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [upload, setUpload] = useState<Upload>({ status: 'none' });

  // Cleared from outside once the notice is published: forget the preview too.
  useEffect(() => {
    if (!pictureId && upload.status === 'ready') setUpload({ status: 'none' });
  }, [pictureId, upload.status]);
  useEffect(() => () => (upload.status === 'ready' ? URL.revokeObjectURL(upload.preview) : undefined), [upload]);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setUpload({ status: 'uploading' });
    onChange('');
    try {
      const picture = await api.uploadNoticePicture(file, file.type || 'application/octet-stream');
      setUpload({ status: 'ready', picture, preview: URL.createObjectURL(file) });
      onChange(picture.id);
    } catch (error) {
      if (!session.handle(error)) setUpload({ status: 'failed', error });
    }
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor="notice-picture">
        {t('picture.label')} <span className="field__optional">({t('texts.optional')})</span>
      </label>
      <input
        id="notice-picture"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-describedby="notice-picture-hint"
        data-testid="picture-input"
        onChange={(event) => {
          void choose(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <p className="field__hint" id="notice-picture-hint">
        {t('picture.hint')}
      </p>
      {upload.status === 'uploading' && <Spinner inline label={t('picture.uploading')} />}
      {upload.status === 'failed' && (
        <Alert tone="error" title={t('picture.failed')} testId="picture-error">
          {problemText(upload.error, t)}
        </Alert>
      )}
      {upload.status === 'ready' && (
        <div className="picture" data-testid="picture-ready">
          <img className="picture__preview" src={upload.preview} alt={t('picture.alt')} />
          <div>
            <p>
              {t('picture.ready', {
                width: upload.picture.width,
                height: upload.picture.height,
                kilobytes: formatNumber(Math.round(upload.picture.bytes / 1024)),
              })}
            </p>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setUpload({ status: 'none' });
                onChange('');
              }}
            >
              {t('picture.remove')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
