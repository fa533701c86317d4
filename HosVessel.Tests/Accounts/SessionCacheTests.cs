using Dapper;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using HosVessel.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Accounts;

/// <summary>
/// Sessions are checked from memory: what this process changes ends them at once, what another process
/// changes in the database is seen within <see cref="SessionCache.MaxAge"/>, and the logout button's
/// token is made once per browser and session yet still ends the session.
/// </summary>
public sealed class SessionCacheTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Fact]
    public async Task A_session_removed_by_another_process_ends_within_a_few_seconds()
    {
        var client = await factory.LoginAsViewerAsync("cache-viewer-1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/voyage")).StatusCode);

        // Another process (a CLI command, sqlite3 by hand) ends every session behind the app's back.
        await using (var connection = await factory.Services.GetRequiredService<Database>().OpenWritableAsync())
        {
            await connection.ExecuteAsync("DELETE FROM user_sessions WHERE user_id = (SELECT id FROM users WHERE username = 'cache-viewer-1')");
        }
        var stillCached = await client.GetAsync("/voyage");
        factory.Clock.Advance(SessionCache.MaxAge);
        var reRead = await client.GetAsync("/voyage");

        Assert.Equal(HttpStatusCode.OK, stillCached.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reRead.StatusCode);
        Assert.StartsWith("/login", reRead.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task The_logout_button_reuses_its_token_and_logging_out_ends_the_session_at_once()
    {
        var client = await factory.LoginAsViewerAsync("cache-viewer-2");
        var first = await client.GetAntiforgeryTokenAsync("/voyage");
        var again = await client.GetAsync("/vessel/list");
        var second = await client.GetAntiforgeryTokenAsync("/");

        Assert.Equal(first, second);
        Assert.True(again.Headers.CacheControl is { NoStore: true }, $"Cache-Control: {again.Headers.CacheControl}");
        var logout = await client.PostAsync("/logout", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = second }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await client.GetAsync("/voyage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/login", after.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Fact]
    public async Task A_logout_without_the_token_is_refused_and_the_session_lives_on()
    {
        var client = await factory.LoginAsViewerAsync("cache-viewer-3");
        await client.GetAntiforgeryTokenAsync("/voyage");

        var forged = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/voyage")).StatusCode);
    }
}
