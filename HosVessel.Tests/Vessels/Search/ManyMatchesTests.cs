using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels.Search;

/// <summary>
/// A word that matches more than <see cref="Web.Data.PaginatedList{T}.CountCap"/> vessels: the count stops there and
/// says so, and its pages (read by walking the sort order) hold the same rows, in the same order, as the pages of a
/// search with few matches (read through the trigram index and sorted).
/// </summary>
public sealed partial class ManyMatchesTests(HosVesselFactory app) : IClassFixture<HosVesselFactory>
{
    private const int Count = 1_050;
    private static readonly string Tag = "MANY" + VesselSamples.NewShipCode();

    // Numbers out of id order, so a page in name order is not a page in insertion order.
    private static string Name(int i) => $"{Tag} {i * 11 % Count:D4}";

    private async Task ImportOnceAsync()
    {
        if (await app.Services.GetRequiredService<VesselStore>().FindByNameAsync(Name(0)) is not null)
        {
            return;
        }
        var rows = Enumerable.Range(0, Count).Select(i =>
        {
            var fields = VesselSamples.Valid(Name(i));
            fields.ShipType = i % 2 == 0 ? "CNTR" : "BULK";
            return VesselFieldTable.All.ToDictionary(f => f.Key, f => f.Get(fields));
        });
        using var file = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(rows));
        var summary = await app.Services.GetRequiredService<VesselImporter>().ImportAsync(file, false, "test");
        Assert.Equal(Count, summary.Added);
    }

    [Fact]
    public async Task The_count_stops_at_a_thousand_and_says_so_while_the_pages_stay_in_order()
    {
        await ImportOnceAsync();
        var viewer = await app.LoginAsViewerAsync();

        var page2 = WebUtility.HtmlDecode(await viewer.GetStringAsync($"/vessel/list?name={Tag.ToLowerInvariant()}&page=2"));
        var descending = await viewer.GetFromJsonAsync<JsonElement>($"/api/vessels?name={Tag}&sort=name&dir=desc");
        var containers = await viewer.GetFromJsonAsync<JsonElement>($"/api/vessels?name={Tag}&ship_type=cntr&page=3");

        Assert.Contains("총 <strong>1,000</strong>척 이상", page2);
        Assert.Equal([.. Enumerable.Range(20, 20).Select(i => $"{Tag} {i:D4}")], Names(page2));
        Assert.Contains("rel=\"next\"", page2);
        Assert.True(descending.GetProperty("total_capped").GetBoolean());
        Assert.Equal(1_000, descending.GetProperty("total").GetInt32());
        Assert.Equal($"{Tag} {Count - 1:D4}", descending.GetProperty("items")[0].GetProperty("name").GetString());
        // 525 containers: counted exactly, so read through the indexes and sorted.
        Assert.False(containers.GetProperty("total_capped").GetBoolean());
        Assert.Equal(Count / 2, containers.GetProperty("total").GetInt32());
        Assert.Equal($"{Tag} {80:D4}", containers.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Past_the_counted_pages_the_count_goes_on_and_few_matches_are_counted_exactly()
    {
        await ImportOnceAsync();
        var viewer = await app.LoginAsViewerAsync();

        var last = WebUtility.HtmlDecode(await viewer.GetStringAsync($"/vessel/list?name={Tag}&page=53"));
        var few = WebUtility.HtmlDecode(await viewer.GetStringAsync($"/vessel/list?name={Uri.EscapeDataString(Tag + " 01")}&page=2"));

        Assert.Contains("총 <strong>1,050</strong>척", last);
        Assert.DoesNotContain("척 이상", last);
        Assert.Equal([.. Enumerable.Range(1040, 10).Select(i => $"{Tag} {i:D4}")], Names(last));
        Assert.DoesNotContain("rel=\"next\"", last);
        Assert.Contains("총 <strong>100</strong>척", few);
        Assert.Equal([.. Enumerable.Range(120, 20).Select(i => $"{Tag} {i:D4}")], Names(few));
    }

    private static List<string> Names(string html) => [.. VesselLink().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"href=""/vessel/\d+""[^>]*>([^<]+)</a>")]
    private static partial Regex VesselLink();
}
