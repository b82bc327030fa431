import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextArea, TextField } from "@/components/ui/field";
import { formatLondon } from "@/domain/london-time";
import { requireActor } from "@/server/auth/session";
import { readable } from "@/server/page-guard";
import { getThemesPage } from "@/server/shaping/theme-queries";
import { StageFrame } from "../stage-frame";
import { chooseQuoteAction, saveThemeAction, setViewThemesAction, themeCommandAction } from "./actions";

export const metadata: Metadata = { title: "Themes" };

type Page = Awaited<ReturnType<typeof getThemesPage>>;
type View = Page["views"][number];

function ThemeFields({ title, description }: { title?: string; description?: string }) {
  return (
    <>
      <TextField name="title" label="Name of the theme" hint="A few words young people would use." defaultValue={title} maxLength={120} />
      <TextArea name="description" label="What it covers (optional)" defaultValue={description} rows={2} maxLength={1000} />
    </>
  );
}

function Command({
  stageId,
  themeId,
  command,
  label,
  children,
}: {
  stageId: string;
  themeId: string;
  command: string;
  label: string;
  children: string;
}) {
  return (
    <ActionForm action={themeCommandAction.bind(null, stageId)} idPrefix={`${command}-${themeId}`}>
      <input type="hidden" name="themeId" value={themeId} />
      <input type="hidden" name="command" value={command} />
      <SubmitButton variant={command === "remove" ? "warning" : "secondary"} aria-label={label}>
        {children}
      </SubmitButton>
    </ActionForm>
  );
}

function Said({ view }: { view: View }) {
  return (
    <>
      <p>“{view.text}”</p>
      <p className="text-slate-700">
        {view.sourceLabel}
        {view.heldOn && ` on ${formatLondon(view.heldOn, "date")}`}
        {view.ageBand && `, aged ${view.ageBand}`} · {view.question}
      </p>
    </>
  );
}

export default async function ThemesPage({ params }: { params: Promise<{ stageId: string }> }) {
  const { stageId } = await params;
  const actor = await requireActor();
  const page = await readable(getThemesPage(actor, stageId));
  const { stage, themes } = page;
  const themeOptions = themes.map((t) => ({ value: t.id, label: t.title }));
  return (
    <StageFrame stage={stage} title="Themes">
      <p className="mb-6">
        Group what young people said into themes. A view can sit in more than one theme. Only checked views are shown here.{" "}
        {page.unthemed.length > 0 ? (
          <a href="#unthemed">
            {page.unthemed.length} view{page.unthemed.length === 1 ? " is" : "s are"} not in a theme yet.
          </a>
        ) : (
          page.views.length > 0 && "Every checked view is in a theme."
        )}
      </p>
      {!page.canEdit && <p className="mb-6">The themes can no longer change: ranking has closed.</p>}

      {themes.length === 0 && <p className="mb-6">No themes yet.</p>}
      <ol className="mb-10 space-y-6">
        {themes.map((t, i) => (
          <li key={t.id} className="border border-slate-300 bg-white p-4">
            <h2 className="text-xl font-bold">
              {i + 1}. {t.title}
            </h2>
            {t.description && <p>{t.description}</p>}
            <p className="mt-1" data-testid="theme-counts">
              {t.counts.total} view{t.counts.total === 1 ? "" : "s"}: {t.counts.member} from young commissioners, {t.counts.session} from
              focus groups, anonymous answers: {t.counts.anonymous}.
            </p>
            {page.canEdit && (
              <div className="mt-3 flex flex-wrap gap-2">
                {i > 0 && (
                  <Command stageId={stage.id} themeId={t.id} command="up" label={`Move up: ${t.title}`}>
                    Move up
                  </Command>
                )}
                {i < themes.length - 1 && (
                  <Command stageId={stage.id} themeId={t.id} command="down" label={`Move down: ${t.title}`}>
                    Move down
                  </Command>
                )}
                <Command stageId={stage.id} themeId={t.id} command="remove" label={`Remove: ${t.title}`}>
                  Remove
                </Command>
              </div>
            )}
            {page.canEdit && (
              <details className="mt-3">
                <summary className="cursor-pointer text-nhs-blue underline">Rename or describe {t.title}</summary>
                <div className="mt-3">
                  <ActionForm
                    action={saveThemeAction.bind(null, stage.id)}
                    idPrefix={`t-${t.id}`}
                    anchor={`theme-form-${t.id}`}
                    successMessage
                  >
                    <input type="hidden" name="themeId" value={t.id} />
                    <ThemeFields title={t.title} description={t.description} />
                    <SubmitButton>Save theme</SubmitButton>
                  </ActionForm>
                </div>
              </details>
            )}
            {t.views.length > 0 && (
              <details className="mt-3">
                <summary className="cursor-pointer text-nhs-blue underline">What young people said ({t.views.length})</summary>
                <ul className="mt-3 space-y-4">
                  {t.views.map((v) => (
                    <li key={v.id} className="border-l-4 border-slate-300 pl-3">
                      <Said view={v} />
                      {v.quotable ? (
                        page.canChooseQuotes ? (
                          <ActionForm action={chooseQuoteAction.bind(null, stage.id)} idPrefix={`q-${t.id}-${v.id}`}>
                            <input type="hidden" name="themeId" value={t.id} />
                            <input type="hidden" name="viewId" value={v.id} />
                            <input type="hidden" name="use" value={v.quoteInNotice ? "no" : "yes"} />
                            {v.quoteInNotice && <p className="font-bold">Used in the notice</p>}
                            <SubmitButton
                              variant="secondary"
                              aria-label={`${v.quoteInNotice ? "Stop using" : "Use"} in the notice: ${v.text.slice(0, 60)}`}
                            >
                              {v.quoteInNotice ? "Stop using in the notice" : "Use in the notice"}
                            </SubmitButton>
                          </ActionForm>
                        ) : (
                          v.quoteInNotice && <p className="font-bold">Used in the notice</p>
                        )
                      ) : (
                        <p className="text-slate-700">Not to be quoted: the young person did not agree, or the quote was withdrawn.</p>
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ol>

      {page.canEdit && (
        <section aria-labelledby="add" className="mb-10">
          <h2 id="add" className="mb-4 text-2xl font-bold">
            Add a theme
          </h2>
          <ActionForm action={saveThemeAction.bind(null, stage.id)} idPrefix="new" anchor="new-theme-form" successMessage>
            <ThemeFields />
            <SubmitButton>Add theme</SubmitButton>
          </ActionForm>
        </section>
      )}

      {page.canEdit && themes.length > 0 && (
        <section aria-labelledby="views" className="mb-10">
          <h2 id="views" className="mb-2 text-2xl font-bold">
            Put views in themes
          </h2>
          <p className="mb-4">Views not in a theme come first.</p>
          {page.views.length === 0 && <p>No checked views yet.</p>}
          <ul className="space-y-6">
            {[...page.unthemed, ...page.views.filter((v) => v.themeIds.length > 0)].map((v, i) => (
              <li
                key={v.id}
                id={i === 0 && v.themeIds.length === 0 ? "unthemed" : undefined}
                className="border border-slate-300 bg-white p-4"
              >
                <Said view={v} />
                <ActionForm action={setViewThemesAction.bind(null, stage.id)} idPrefix={`v-${v.id}`} successMessage>
                  <input type="hidden" name="viewId" value={v.id} />
                  <CheckboxGroup
                    name="themeIds"
                    legend={v.themeIds.length === 0 ? "Not in a theme yet. Which themes is it about?" : "Which themes is it about?"}
                    options={themeOptions}
                    defaultValues={v.themeIds}
                  />
                  <SubmitButton variant="secondary">Save themes for this view</SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        </section>
      )}
    </StageFrame>
  );
}
