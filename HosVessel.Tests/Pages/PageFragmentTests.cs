using System.Diagnostics;
using HosVessel.Tests.Fleet;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Vessels;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Vessels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Pages;

/// <summary>
/// The list, voyage and vessel pages keep their rendered bodies between requests (Pages/PageFragments.cs). What a user
/// notices must not change: a change shows on the very next view, an admin's controls never reach a viewer (nor the
/// other way round), and every admin's delete button carries a token that works for them.
/// </summary>
public sealed class PageFragmentTests(FleetFactory app) : IClassFixture<FleetFactory>
{
    private VesselStore Store => app.Services.GetRequiredService<VesselStore>();

    [Fact]
    public async Task An_edit_shows_on_the_very_next_list_and_vessel_page()
    {
        var vessel = await app.RegisterAsync(Html.Unique("HYUNDAI ECOPIA"));
        var viewer = await app.LoginAsViewerAsync();
        var search = $"/vessel/list?name={Uri.EscapeDataString(vessel.Name!)}";
        Assert.DoesNotContain("13.1K", await viewer.GetStringAsync(search));
        Assert.DoesNotContain("13.1K", await viewer.GetStringAsync($"/vessel/{vessel.Id}"));

        var fields = vessel.ToFields();
        fields.Size = "13.1K";
        fields.Name = vessel.Name + " II";
        Assert.True((await Store.UpdateAsync(vessel.Id, fields)).Succeeded);

        var list = await viewer.GetStringAsync(search);
        Assert.Contains(vessel.Name + " II", list);
        Assert.Contains("13.1K", list);
        var page = await viewer.GetStringAsync($"/vessel/{vessel.Id}");
        Assert.Contains($"<h1>{vessel.Name} II</h1>", page);
        Assert.Contains("13.1K", page);
    }

    [Fact]
    public async Task A_push_shows_on_the_very_next_voyage_list_and_vessel_page()
    {
        var vessel = await app.RegisterAsync(Html.Unique("H/ECOPIA"));
        var feed = app.CreateClient();
        await feed.PushOkAsync(FeedItem.Push(new FeedItem(vessel.Name!) { Captain = "김선장", NextPort = "KRPUS(PNC)" }));
        var viewer = await app.LoginAsViewerAsync();
        var voyages = $"/voyage?vessel_name={Uri.EscapeDataString(vessel.Name!)}";
        Assert.Contains("김선장", await viewer.GetStringAsync(voyages));
        Assert.Contains("KRPUS(PNC)", Html.Section(await viewer.GetStringAsync($"/vessel/{vessel.Id}"), "current-voyage"));

        app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await feed.PushOkAsync(FeedItem.Push(new FeedItem(vessel.Name!) { Captain = "이선장", NextPort = "CNSHA(YSG)" }));

        var list = await viewer.GetStringAsync(voyages);
        Assert.Contains("이선장", list);
        Assert.DoesNotContain("김선장", list);
        Assert.Contains("CNSHA(YSG)", Html.Section(await viewer.GetStringAsync($"/vessel/{vessel.Id}"), "current-voyage"));
    }

    [Fact]
    public async Task Admin_controls_never_reach_a_viewer_through_a_kept_page_nor_the_other_way_round()
    {
        var admin = await app.LoginAsAdminAsync();
        var viewer = await app.LoginAsViewerAsync();
        foreach (var first in new[] { admin, viewer })
        {
            // A new vessel is a write, so every page renders afresh, first for the one who asks first.
            var vessel = await app.RegisterAsync(Html.Unique("HMM OCEAN"));
            string[] pages = ["/vessel/list", $"/vessel/list?name={Uri.EscapeDataString(vessel.Name!)}", $"/vessel/{vessel.Id}", "/voyage"];
            foreach (var path in pages)
            {
                await first.GetStringAsync(path);
            }

            foreach (var path in pages)
            {
                var asAdmin = await admin.GetStringAsync(path);
                var asViewer = await viewer.GetStringAsync(path);
                Assert.Contains(path.StartsWith("/vessel/list", StringComparison.Ordinal) ? "href=\"/vessel/import\""
                    : path == "/voyage" ? "href=\"/voyage/feed\"" : $"action=\"/vessel/{vessel.Id}/delete\"", asAdmin);
                Assert.DoesNotContain("href=\"/vessel/import\"", asViewer);
                Assert.DoesNotContain("/delete\"", asViewer);
                Assert.DoesNotContain("href=\"/voyage/feed\"", asViewer);
            }
        }
    }

    [Fact]
    public void A_body_is_kept_only_for_a_key_asked_for_again_within_its_age()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        var what = "/vessel/list?name=" + Html.Unique("OCEAN");

        Assert.False(HosVessel.Web.Pages.PageFragments.For(context, what).Keep);
        Assert.True(HosVessel.Web.Pages.PageFragments.For(context, what).Keep);
        Assert.False(HosVessel.Web.Pages.PageFragments.For(context, what + "&page=2").Keep);
    }

    [Fact]
    public async Task Each_admin_deletes_with_the_token_on_their_own_kept_vessel_page()
    {
        await app.EnsureUserAsync("admin-two", "Second-Admin-Passw0rd!", HosVessel.Web.Accounts.Roles.Admin);
        foreach (var login in new Func<Task<HttpClient>>[] { app.LoginAsAdminAsync, () => app.LoginAsync("admin-two", "Second-Admin-Passw0rd!") })
        {
            var vessel = await app.RegisterAsync(Html.Unique("HYUNDAI HOPE"));
            var other = await app.LoginAsAdminAsync();
            await other.GetStringAsync($"/vessel/{vessel.Id}");
            var client = await login();

            var page = await client.GetStringAsync($"/vessel/{vessel.Id}");
            var form = page[page.IndexOf($"action=\"/vessel/{vessel.Id}/delete\"", StringComparison.Ordinal)..];
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
            Assert.True(token.Success, "the delete button's form has no token");
            var response = await client.PostAsync($"/vessel/{vessel.Id}/delete", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value) }));

            Assert.True((int)response.StatusCode < 400, $"delete answered {response.StatusCode}");
            Assert.Null(await Store.FindByIdAsync(vessel.Id));
        }
    }

    [Fact]
    public async Task A_change_made_by_another_process_shows_within_two_seconds()
    {
        var vessel = await app.RegisterAsync(Html.Unique("HYUNDAI FAITH"));
        var viewer = await app.LoginAsViewerAsync();
        var paths = new[] { $"/vessel/{vessel.Id}", $"/vessel/list?name={Uri.EscapeDataString(vessel.Name!)}" };
        foreach (var path in paths)
        {
            Assert.DoesNotContain("99K BY HAND", await viewer.GetStringAsync(path));
        }

        // sqlite3 by hand: this process commits nothing, so only the kept pages' age lets the change through.
        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE vessels SET size = '99K BY HAND' WHERE id = $id";
            command.Parameters.AddWithValue("$id", vessel.Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var changedAt = Stopwatch.StartNew();
        app.Clock.Advance(TimeSpan.FromSeconds(2));

        foreach (var path in paths)
        {
            while (!(await viewer.GetStringAsync(path)).Contains("99K BY HAND", StringComparison.Ordinal))
            {
                Assert.True(changedAt.Elapsed < TimeSpan.FromSeconds(3), $"{path} still shows the old row");
                await Task.Delay(50);
            }
        }
    }

    [Fact]
    public async Task A_page_view_sets_no_cookie_and_a_message_still_shows_once_on_the_next_page_or_the_same_one()
    {
        var admin = await app.LoginAsAdminAsync();
        await admin.GetStringAsync("/vessel/list");
        foreach (var path in new[] { "/vessel/list", "/voyage", "/" })
        {
            var response = await admin.GetAsync(path);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set {string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])}");
        }

        var vessel = await app.RegisterAsync(Html.Unique("HYUNDAI SMART"));
        var token = await admin.GetAntiforgeryTokenAsync($"/vessel/{vessel.Id}");
        await admin.PostAsync($"/vessel/{vessel.Id}/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Contains($"'{vessel.Name}' 선박을 삭제했습니다.", System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/vessel/list")));
        Assert.DoesNotContain("선박을 삭제했습니다.", System.Net.WebUtility.HtmlDecode(await admin.GetStringAsync("/vessel/list")));

        // The import page shows its result in the response to the upload itself (here: a row refused for its IMO number).
        var (_, imported) = await admin.UploadVesselsAsync(System.Text.Encoding.UTF8.GetBytes(
            $"[{{\"vessel_name\": \"{Html.Unique("H/ECOPIA")}\", \"imo_no\": \"12\", \"class\": \"LR+KR\"}}]"), "fleet.json");
        Assert.Contains("거부된 행이 1개 있어 아무것도 반영하지 않았습니다.", imported[imported.IndexOf("<main", StringComparison.Ordinal)..]);
    }
}
