// The SAML gate closes mid-session as soon as any answer says so, and guards routes too.
import { test, expect } from './fixtures';
import { connectAndLoad, reset, rows, setToken } from './helpers';

test.beforeEach(async ({ request }) => reset(request));

test('the gate closes mid-session on an SSO answer and locks every configuration action', async ({ page, request }) => {
  await connectAndLoad(page);
  await rows(page).first().locator('input[type=checkbox]').check();
  await expect(page.getByRole('button', { name: 'Deprovision selected (1)' })).toBeEnabled();

  await setToken(request, 'e2e-token', 'sso-required'); // the owner's SAML authorization is revoked
  await page.getByRole('button', { name: 'Reload' }).click();
  const gate = page.getByRole('region', { name: 'SAML session' });
  await expect(gate).toContainText('SSO authorization required');
  await expect(page.getByRole('button', { name: 'Deprovision selected (1)' })).toBeDisabled();
  await expect(page.locator('#deprovision-why')).toContainText('Authorize this token');

  // Typing a guarded route's URL does not get around it.
  await page.evaluate(() => { history.pushState({}, '', '/provision'); dispatchEvent(new PopStateEvent('popstate')); });
  await expect(page.getByRole('heading', { name: 'Configuration is locked' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Provision' })).toHaveCount(0);
});
