// fetch() cannot report upload progress; XMLHttpRequest can. Same session cookie, CSRF header and problem
// handling as `api`.
import { ApiError, currentCsrfToken, type Problem, sessionExpired } from '../api';

/** Bytes sent so far of `total`. */
export type UploadProgress = (sent: number, total: number) => void;

export function uploadFile<T>(path: string, file: Blob, contentType: string, onProgress: UploadProgress): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.responseType = 'json';
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', contentType);
    request.setRequestHeader('X-CSRF-Token', currentCsrfToken());
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) return resolve(request.response as T);
      const problem = (request.response as Problem | null) ?? { title: request.statusText, status: request.status };
      if (request.status === 401) sessionExpired();
      reject(new ApiError({ ...problem, status: request.status }));
    };
    request.onerror = () => reject(new ApiError({ title: 'offline', status: 0 }));
    request.send(file);
  });
}
