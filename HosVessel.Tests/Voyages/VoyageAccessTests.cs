using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Voyages;

namespace HosVessel.Tests.Voyages;

/// <summary>Who may see the feed log, the API and its reference; and that every push and clear is logged without the key.</summary>
public sealed class VoyageAccessTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Theory]
    [InlineData("/api/voyages")]
    [InlineData("/api/voyages/1")]
    public async Task The_read_API_without_a_key_is_401_even_for_a_signed_in_admin(string url)
    {
        foreach (var client in new[] { factory.CreateClient(), await factory.LoginAsAdminAsync() })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Unauthorized", (string?)(await response.ReadJsonAsync())["error"]);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_for_the_feed_log_and_the_voyage_pages()
    {
        var client = factory.CreateBrowserClient();
        foreach (var url in new[] { "/voyage/feed", "/voyage", "/voyage/1", "/scalar" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_viewer_is_refused_the_feed_log_and_the_API_reference()
    {
        var viewer = await factory.LoginAsViewerAsync();
        foreach (var url in new[] { "/voyage/feed", "/scalar" })
        {
            var response = await viewer.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var denied = await viewer.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Contains("접근 권한이 없습니다.", await denied.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/voyage")).StatusCode);
    }

    [Fact]
    public async Task Every_push_is_logged_accepted_or_refused_and_the_key_never_is()
    {
        var client = factory.CreateClient();
        await client.PushOkAsync(VoyageFeedClient.Items("LOGGED A", "LOGGED B"));
        await client.PushAsync("[]", apiKey: "wrong-key-never-stored");
        await client.PushAsync(VoyageFeedClient.Items("X"), contentType: "text/plain");
        await client.PushAsync("""[{"line": "FE4"}]""");

        var log = await factory.FeedLogAsync();

        Assert.Equal([400, 415, 401, 200], log.Take(4).Select(e => e.StatusCode));
        Assert.Equal("1 item has a problem: [0].vessel_name: required and must not be empty", log[0].FirstError);
        Assert.Equal("Content-Type must be application/json: got text/plain", log[1].FirstError);
        Assert.Equal("Unauthorized", log[2].FirstError);
        Assert.Equal((2, 0, 2, null), (log[3].Received, log[3].Linked, log[3].Unlinked, log[3].FirstError));
        Assert.All(log, entry => Assert.True(entry.DurationMs >= 0));
        Assert.All(log, entry => Assert.False(string.IsNullOrEmpty(entry.ReceivedAt)));
        var stored = await factory.QueryScalarAsync<string>(
            "SELECT group_concat(concat_ws('|', received_at, client_ip, first_error), '\n') FROM voyage_feed_log");
        Assert.DoesNotContain(HosVesselFactory.ApiKey, stored);
        Assert.DoesNotContain("wrong-key-never-stored", stored);
    }

    [Fact]
    public async Task Clearing_is_logged_refused_or_done_and_the_admin_sees_which_rows_were_clears()
    {
        var client = factory.CreateClient();
        await client.PushOkAsync(VoyageFeedClient.Items("CLEAR LOG A", "CLEAR LOG B"));
        var refused = new HttpRequestMessage(HttpMethod.Delete, "/api/voyage");
        refused.Headers.Add("X-API-Key", "wrong-key-never-stored");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(refused)).StatusCode);
        var clear = new HttpRequestMessage(HttpMethod.Delete, "/api/voyage");
        clear.Headers.Add("X-API-Key", HosVesselFactory.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(clear)).StatusCode);

        var log = await factory.FeedLogAsync();

        Assert.Equal(
            [(VoyageFeedEntry.ClearAction, 200, (string?)null), (VoyageFeedEntry.ClearAction, 401, "Unauthorized"), (VoyageFeedEntry.PushAction, 200, null)],
            log.Take(3).Select(e => (e.Action, e.StatusCode, e.FirstError)));
        Assert.All(log.Take(2), entry => Assert.True(entry.DurationMs >= 0 && entry.ReceivedAt.Length > 0));
        Assert.DoesNotContain("wrong-key-never-stored", await factory.QueryScalarAsync<string>(
            "SELECT group_concat(concat_ws('|', action, received_at, client_ip, first_error), '\n') FROM voyage_feed_log"));
        var html = await (await factory.LoginAsAdminAsync()).GetStringAsync("/voyage/feed");
        Assert.Equal(2, html.Split("전체 삭제").Length - 1);
    }

    [Fact]
    public async Task The_admin_sees_the_feed_log_with_status_counts_and_first_error()
    {
        var client = factory.CreateClient();
        await client.PushOkAsync(VoyageFeedClient.Items("FEED PAGE A"));
        await client.PushAsync("""{"vessel_name": "FEED PAGE B"}""");

        var html = WebUtility.HtmlDecode(await (await factory.LoginAsAdminAsync()).GetStringAsync("/voyage/feed"));

        Assert.Contains("운항 정보 수신 기록", html);
        Assert.Contains("The body must be a JSON array of voyages, but it is an object", html);
        Assert.Contains(">400</span>", html);
        Assert.Contains(">200</span>", html);
        Assert.Contains(" KST</span></time>", html);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_feed_and_read_endpoints()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/voyage\"", document);
        Assert.Contains("\"/api/voyages\"", document);
        Assert.Contains("\"/api/voyages/{id}\"", document);
        Assert.Contains("\"psc_inspection\"", document);
    }

    [Fact]
    public async Task The_admin_opens_the_API_reference()
    {
        var response = await (await factory.LoginAsAdminAsync()).GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("HosVessel API", await response.Content.ReadAsStringAsync());
    }
}
