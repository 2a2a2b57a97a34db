/** The page at "/" until the Phaser client is built: what this server is and where to look. */
export function placeholderPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Closed Loop</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;background:#0d1321;color:#e8edf5;max-width:42rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:2.2rem;margin-bottom:0}h1 span{color:#4cc9f0}p.lead{color:#9fb0c8;margin-top:.2rem}
code{background:#1d2d44;padding:.1rem .35rem;border-radius:4px}li{margin:.3rem 0}a{color:#4cc9f0}
</style></head><body>
<h1>Closed <span>Loop</span></h1>
<p class="lead">Robotaxis, robots and satellites: who closes the loop first?</p>
<p>The game server is running. The browser client is on its way; until then you can watch
bots play through the JSON API:</p>
<ul>
<li><a href="/api/health"><code>GET /api/health</code></a></li>
<li><a href="/api/matches"><code>GET /api/matches</code></a> — open, live and finished matches</li>
<li><code>POST /api/matches</code> with <code>{"seats":4,"bots":[…4 bots…]}</code> — a match that plays itself</li>
</ul>
</body></html>`;
}
