// The path Signicat Events are POSTed to for one environment (app/api/events/[environmentId]).
export const EVENTS_RECEIVER_PATH = "/api/events/";

export const receiverPath = (environmentId: string) => `${EVENTS_RECEIVER_PATH}${encodeURIComponent(environmentId)}`;
