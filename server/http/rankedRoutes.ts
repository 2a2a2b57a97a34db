import type { Application, Request, Response } from 'express';
import { requestAccount } from '../auth/accounts';
import type { Ratings } from '../ratings/Ratings';

const USER_ID = /^[\w-]{1,64}$/;

/**
 * GET /api/leaderboard (the top, and the caller's own row when a Bearer token names them) and
 * GET /api/profile/:userId, or /api/profile/me with the token. Ratings are public, like a
 * finished match's replay: they come only from ranked matches that have ended.
 */
export function mountRankedRoutes(app: Application, ratings: Ratings): void {
  app.get('/api/leaderboard', async (req: Request, res: Response) => {
    const you = await requestAccount(req);
    res.json(await ratings.leaderboard(you?.id ?? null));
  });
  app.get('/api/profile/:userId', async (req: Request, res: Response) => {
    const asked = String(req.params.userId);
    const userId = asked === 'me' ? (await requestAccount(req))?.id : USER_ID.test(asked) ? asked : undefined;
    if (asked === 'me' && !userId) {
      res.status(401).json({ error: 'NOT_SIGNED_IN', message: 'Sign in (Authorization: Bearer <token from /auth>) to see your profile.' });
      return;
    }
    const profile = userId ? await ratings.profile(userId) : null;
    if (!profile) {
      res.status(404).json({ error: 'USER_NOT_FOUND', message: `There is no player "${asked.slice(0, 64)}".` });
      return;
    }
    res.json(profile);
  });
}
