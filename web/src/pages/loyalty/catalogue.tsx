import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { z } from 'zod';
import { Async, EmptyState } from '../../components/states';
import { TableWrap } from '../../components/table-wrap';
import { t } from '../../i18n';
import { messageOf } from '../../lib/forms';
import { type Resource, useResource } from '../../lib/resource';
import { useSession } from '../../lib/session';
import { LOYALTY } from './data';
import { useIdempotentCall } from './idempotent';
import { type FieldSpec, formValues, SpecForm } from './spec-form';

export interface Column<T> {
  head: string;
  cell: (item: T) => ComponentChildren;
  numeric?: boolean;
}

interface Props<T extends { id: string; name: string }> {
  /** Section heading, e.g. "Tiers". */
  title: string;
  /** `rules`, `tiers` or `rewards` under /api/loyalty. */
  resource: string;
  load: () => Promise<T[]>;
  columns: ReadonlyArray<Column<T>>;
  createSpecs: readonly FieldSpec[];
  editSpecs: readonly FieldSpec[];
  createSchema: z.ZodType;
  updateSchema: z.ZodType;
  defaults: Record<string, unknown>;
  newLabel: string;
  emptyText: string;
  removeLabel: string;
}

/** A programme catalogue (rules, tiers, rewards): a table, and for editors a create form and per-row edit/remove. */
export function Catalogue<T extends { id: string; name: string }>(props: Props<T>) {
  const { canEdit } = useSession();
  const items = useResource(props.load, []);
  const call = useIdempotentCall();
  const path = `${LOYALTY}/${props.resource}`;
  return (
    <>
      {canEdit && (
        <section class="card section" aria-labelledby={`${props.resource}-new`}>
          <h2 class="section-title section-head" id={`${props.resource}-new`}>
            {props.newLabel}
          </h2>
          <SpecForm
            specs={props.createSpecs}
            initial={formValues(props.createSpecs, props.defaults)}
            schema={props.createSchema}
            submitLabel={t('form.create')}
            resetOnSuccess
            onSubmit={async (body) => {
              const created = await call<T>('POST', path, body);
              if (items.state === 'ready') items.replace([...items.data, created]);
              else items.reload();
            }}
          />
        </section>
      )}
      <section class="card section" aria-labelledby={`${props.resource}-list`}>
        <h2 class="section-title section-head" id={`${props.resource}-list`}>
          {props.title}
        </h2>
        <Async resource={items}>
          {(data) =>
            data.length === 0 ? (
              <EmptyState title={props.emptyText} />
            ) : (
              <CatalogueTable {...props} items={items} data={data} path={path} />
            )
          }
        </Async>
      </section>
    </>
  );
}

function CatalogueTable<T extends { id: string; name: string }>({
  items,
  data,
  path,
  columns,
  editSpecs,
  updateSchema,
  title,
  removeLabel,
}: Props<T> & { items: Resource<T[]>; data: T[]; path: string }) {
  const { canEdit } = useSession();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  const call = useIdempotentCall();
  const replace = (next: T[]) => (items.state === 'ready' ? items.replace(next) : items.reload());
  const remove = async (item: T) => {
    setError(null);
    try {
      await call('DELETE', `${path}/${encodeURIComponent(item.id)}`);
      replace(data.filter((other) => other.id !== item.id));
    } catch (caught) {
      setError({ id: item.id, message: messageOf(caught) });
    }
  };
  return (
    <TableWrap label={title}>
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.head} scope="col" class={column.numeric ? 'num' : undefined}>
                {column.head}
              </th>
            ))}
            {canEdit && <th scope="col">{t('settings.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {data.map((item) =>
            editing === item.id ? (
              <tr key={item.id}>
                <td colSpan={columns.length + 1}>
                  <SpecForm
                    specs={editSpecs}
                    initial={formValues(editSpecs, item)}
                    schema={updateSchema}
                    submitLabel={t('form.save')}
                    onCancel={() => setEditing(null)}
                    onSubmit={async (body) => {
                      const updated = await call<T>('PATCH', `${path}/${encodeURIComponent(item.id)}`, body);
                      replace(data.map((other) => (other.id === updated.id ? updated : other)));
                      setEditing(null);
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={item.id}>
                {columns.map((column, index) =>
                  index === 0 ? (
                    <th key={column.head} scope="row">
                      {column.cell(item)}
                    </th>
                  ) : (
                    <td key={column.head} class={column.numeric ? 'num' : undefined}>
                      {column.cell(item)}
                    </td>
                  ),
                )}
                {canEdit && (
                  <td>
                    <div class="form-actions">
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={`${t('loyalty.edit')} ${item.name}`}
                        onClick={() => setEditing(item.id)}
                      >
                        {t('loyalty.edit')}
                      </button>
                      <button
                        type="button"
                        class="button button-small button-danger"
                        aria-label={`${removeLabel} ${item.name}`}
                        onClick={() => remove(item)}
                      >
                        {removeLabel}
                      </button>
                    </div>
                    {error?.id === item.id && (
                      <p class="field-error" role="alert">
                        {error.message}
                      </p>
                    )}
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}
