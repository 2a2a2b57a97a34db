import './styles.css';
import { initLocale, LOCALE_STORAGE_KEY } from './i18n/i18n';
import { renderLobby } from './ui/lobby';
import { renderMatch } from './ui/matchScreen';
import { renderJoinError } from './ui/joinError';

// Routes: "/" is the lobby, "/match/<id>" a match (a refresh returns to it with the seat token),
// "/leaderboard" and "/profile[/<userId>]" the ratings of quick matches.
// The language: the one chosen before, else the browser's (the page's lang follows it).
initLocale(localStorage.getItem(LOCALE_STORAGE_KEY), navigator.language);
const app = document.getElementById('app')!;

/** Moves to another of the page's routes without a page load. */
function go(path: string): void {
  history.pushState({}, '', path);
  route();
}

function route(): void {
  // "/console" creates a class session; "/console/<id>[,<id>…]" runs classroom matches with the facilitator key.
  const classroom = /^\/console(?:\/([\w,-]+))?\/?$/.exec(location.pathname);
  if (classroom) {
    const go = (path: string) => {
      history.pushState({}, '', path);
      route();
    };
    void import('./facilitator/console')
      .then((m) => (classroom[1] ? m.renderConsole(app, classroom[1].split(','), () => go('/')) : m.renderSessionForm(app, (ids) => go(`/console/${ids.join(',')}`))))
      .catch((e: unknown) => {
        app.textContent = String((e as Error).message);
      });
    return;
  }
  // "/replay/<id>" replays a finished match, "/replay" an exported file; the engine loads on demand.
  const replay = /^\/replay(?:\/([\w-]+))?\/?$/.exec(location.pathname);
  if (replay) {
    const go = (path: string) => {
      history.pushState({}, '', path);
      route();
    };
    void import('./replay/replayScreen')
      .then((m) => m.renderReplay(app, replay[1] ?? null, { back: () => go('/'), openMatch: (id) => go(`/match/${id}`) }))
      .catch((e: unknown) => {
        app.textContent = String((e as Error).message);
      });
    return;
  }
  // "/leaderboard" ranks the players of quick matches; "/profile[/<userId>]" is one's ratings and matches.
  if (/^\/leaderboard\/?$/.test(location.pathname)) {
    void import('./ui/leaderboard')
      .then((m) => m.renderLeaderboard(app, go))
      .catch((e: unknown) => {
        app.textContent = String((e as Error).message);
      });
    return;
  }
  const profile = /^\/profile(?:\/([^/]+))?\/?$/.exec(location.pathname);
  if (profile) {
    void import('./ui/profile')
      .then((m) => m.renderProfile(app, profile[1] ? decodeURIComponent(profile[1]) : null, go))
      .catch((e: unknown) => {
        app.textContent = String((e as Error).message);
      });
    return;
  }
  const match = /^\/match\/([\w-]+)/.exec(location.pathname);
  if (match) {
    const spectate = new URLSearchParams(location.search).has('watch');
    const stored = localStorage.getItem('closed-loop.name');
    const name = stored ?? 'Player';
    const toLobby = (path = '/') => go(path);
    void renderMatch(app, match[1]!, spectate ? { spectate: true, ...(stored ? { name: stored } : {}) } : { name }, toLobby).catch((e: unknown) =>
      renderJoinError(app, e, {
        back: toLobby,
        watch: () => {
          history.pushState({}, '', `/match/${match[1]!}?watch`);
          route();
        },
      }),
    );
    return;
  }
  renderLobby(app, {
    openMatch(matchId, intent) {
      history.pushState({}, '', `/match/${matchId}${intent.spectate ? '?watch' : ''}`);
      route();
    },
    rerender: route,
    go,
  });
}

window.addEventListener('popstate', route);
route();
