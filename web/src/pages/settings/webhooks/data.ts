import type { z } from 'zod';
import { api, type Page } from '../../../api';
import type { CreatedEndpoint, Delivery, Endpoint } from '../../../../../worker/webhooks/schemas';

export type EndpointItem = z.infer<typeof Endpoint>;
export type CreatedEndpointItem = z.infer<typeof CreatedEndpoint>;
export type DeliveryItem = z.infer<typeof Delivery>;

export const endpointPath = (id: string, rest = '') => `/api/webhooks/endpoints/${encodeURIComponent(id)}${rest}`;

export const loadEndpoints = () => api<Page<EndpointItem>>('/api/webhooks/endpoints?limit=200').then((page) => page.data);

export const loadDeliveries = (id: string) => api<Page<DeliveryItem>>(endpointPath(id, '/deliveries?limit=50'));

/** While a delivery is still being tried, the log keeps changing. */
export const DELIVERY_REFRESH_MS = 3000;
