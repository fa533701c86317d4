using System.Text.RegularExpressions;

namespace HosVessel.Tests.Infrastructure;

/// <summary>Posts forms the way a browser does: GET the page first, then send its antiforgery token back.</summary>
public static partial class FormPosting
{
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string url, Dictionary<string, string> fields, string? formPageUrl = null)
    {
        var token = await GetAntiforgeryTokenAsync(client, formPageUrl ?? url);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var page = await client.GetAsync(pageUrl);
        // A signed-in client asking for /login is sent on (home): any page's token serves the same signed-in user.
        if (page.Headers.Location is { } next)
        {
            page = await client.GetAsync(next);
        }
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"{pageUrl} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
