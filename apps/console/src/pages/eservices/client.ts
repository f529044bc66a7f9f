// The e-services calls of the console's one client.
import type { PalierClient } from '@palier/contracts';
import { api } from '../../api/client';

export type EServicesClient = Pick<
  PalierClient,
  | 'staffEServiceForms'
  | 'createEServiceForm'
  | 'staffEServiceForm'
  | 'staffEServiceVersion'
  | 'checkEServiceSchema'
  | 'saveEServiceVersion'
  | 'discardEServiceVersion'
  | 'publishEServiceForm'
  | 'retireEServiceForm'
  | 'setEServiceWebhook'
  | 'eserviceDeliveries'
  | 'retryEServiceDelivery'
  | 'staffEServiceRequests'
  | 'staffEServiceRequest'
  | 'transitionEServiceRequest'
>;

export const eservices = api as unknown as EServicesClient;
