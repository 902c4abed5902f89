//! The drift review: members, external identities, SCIM identities and (on demand) credential
//! authorizations side by side. Read through a resource that follows "Review again" and the
//! identity source (organization or enterprise); a finished review is kept by the session, so
//! coming back shows it at once. Leaving the page stops a load still going on.
use console_core::gate::Gate;
use leptos::prelude::*;

use crate::api::org::{IdentitySource, NoProvider};
use crate::api::ErrorKind;
use crate::components::load_error::LoadError;
use crate::components::review::body::ReviewBody;
use crate::components::review::no_provider::NoProviderNote;
use crate::components::review::progress::ReviewProgress;
use crate::session::review::Found;
use crate::session::use_session;

#[component]
pub fn ReviewPage() -> impl IntoView {
    let session = use_session();
    let store = session.review;
    on_cleanup(move || store.stop());
    let review = LocalResource::new(move || {
        let (run, source) = (store.run.get(), store.source.get());
        session.ensure_review(run, source)
    });
    let pending = RwSignal::new(false);
    let again = move |_| store.again();
    // Reading again cannot help until the token is authorized and the gate checked again.
    let gate = session.gate;
    let stuck = move || gate.with(|g| matches!(g, Gate::SsoRequired { .. } | Gate::BadCredentials));
    view! {
        <section aria-labelledby="review-title" class="review-page">
            <div class="toolbar">
                <h1 id="review-title">"Drift review"</h1>
                <div class="actions">
                    <button
                        type="button"
                        class="secondary"
                        prop:disabled=move || pending.get() || stuck()
                        on:click=again
                        aria-describedby="review-again-why"
                    >
                        "Review again"
                    </button>
                    <span id="review-again-why" class="why">
                        {move || stuck().then(|| gate.with(Gate::reason))}
                    </span>
                </div>
            </div>
            <Show when=move || pending.get()>
                <ReviewProgress />
            </Show>
            <Transition fallback=|| view! { <ReviewProgress /> } set_pending=pending.write_only()>
                <ErrorBoundary fallback=move |errors| {
                    view! {
                        <LoadError errors />
                        <p class="hint">
                            {move || {
                                if stuck() {
                                    format!("Nothing was changed. {}", gate.with(Gate::reason))
                                } else {
                                    "Nothing was changed. Review again to retry.".to_owned()
                                }
                            }}
                        </p>
                    }
                }>
                    {move || Suspend::new(async move {
                        review
                            .await
                            .map(|found| match found {
                                Found::Review { issuer } => {
                                    view! { <ReviewBody issuer /> }.into_any()
                                }
                                Found::NoProvider(why) => {
                                    view! { <NoProviderNote why /> }.into_any()
                                }
                            })
                            .or_else(|e| match e.kind {
                                ErrorKind::NotFound
                                | ErrorKind::Invalid {
                                    ..
                                } if store.source.get_untracked()
                                    != IdentitySource::Organization => {
                                    Ok(
                                        // A slug GitHub does not know (or refuses): say so, and keep
                                        // the form to correct it.
                                        view! {
                                            <p class="error" role="alert">
                                                {e.to_string()}
                                            </p>
                                            <NoProviderNote why=NoProvider::Organization />
                                        }
                                            .into_any(),
                                    )
                                }
                                ErrorKind::Cancelled => {
                                    Ok(
                                        view! {
                                            <p class="status" role="status">
                                                "The review was stopped before it finished. Review again to start over."
                                            </p>
                                        }
                                            .into_any(),
                                    )
                                }
                                _ => Err(e),
                            })
                    })}
                </ErrorBoundary>
            </Transition>
        </section>
    }
}
