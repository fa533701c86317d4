using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HosVessel.Tests.Fleet;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels.Search;

/// <summary>
/// The three search boxes (register list and read API, voyage list, home) read a name alike: <c>H/</c> is
/// <c>HYUNDAI</c>, case and spaces do not matter, and "현대" finds the HYUNDAI ships (issue 14, point 4).
/// </summary>
public sealed class AliasSearchTests(FleetFactory app) : IClassFixture<FleetFactory>
{
    private Task<ShipIds> Ships => RegisterAsync();

    private sealed record ShipIds(long Ecopia, long Smart, long Algeciras, long Korean);

    // Each test gets a new instance of the class but shares the app: the ships are registered by whichever runs first.
    private async Task<ShipIds> RegisterAsync() =>
        new ShipIds(await IdAsync("H/ECOPIA"), await IdAsync("Hyundai Smart"), await IdAsync("HMM ALGECIRAS"), await IdAsync("현대 글로비스"));

    private async Task<long> IdAsync(string name) =>
        (await app.Services.GetRequiredService<VesselStore>().FindByNameAsync(name) ?? await app.RegisterAsync(name)).Id;

    [Theory]
    [InlineData("hyundai ecopia", "H/ECOPIA")]
    [InlineData("  HYUNDAI   Ecopia ", "H/ECOPIA")]
    [InlineData("현대 ecopia", "H/ECOPIA")]
    [InlineData("h/smart", "Hyundai Smart")]
    [InlineData("H/ SMART", "Hyundai Smart")]
    [InlineData("현대smart", "Hyundai Smart")]
    public async Task The_register_list_finds_a_ship_by_any_spelling_of_its_name(string typed, string found)
    {
        await Ships;
        var viewer = await app.LoginAsViewerAsync();

        var html = WebUtility.HtmlDecode(await viewer.GetStringAsync($"/vessel/list?name={Uri.EscapeDataString(typed)}"));

        Assert.Contains($">{found}</a>", html);
        Assert.Contains("총 <strong>1</strong>척", html);
    }

    [Fact]
    public async Task Korean_hyundai_finds_every_hyundai_ship_in_the_list_and_the_read_API()
    {
        var (ecopia, smart, algeciras, korean) = await Ships;
        var viewer = await app.LoginAsViewerAsync();

        var html = await viewer.GetStringAsync($"/vessel/list?name={Uri.EscapeDataString("현대")}");
        var api = await viewer.GetFromJsonAsync<JsonElement>($"/api/vessels?name={Uri.EscapeDataString("현대")}");

        foreach (var id in new[] { ecopia, smart, korean })
        {
            Assert.Contains($"href=\"/vessel/{id}\"", html);
        }
        Assert.DoesNotContain($"href=\"/vessel/{algeciras}\"", html);
        Assert.Equal(3, api.GetProperty("total").GetInt32());
        Assert.False(api.GetProperty("total_capped").GetBoolean());
        var searched = await viewer.GetFromJsonAsync<JsonElement>($"/api/vessels?name={Uri.EscapeDataString("H/ECOPIA")}");
        Assert.Equal(ecopia, searched.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task The_voyage_list_reads_names_as_the_register_does()
    {
        await app.CreateClient().PushOkAsync(FeedItem.Push(new("HYUNDAI ECOPIA"), new("H/ SMART"), new("HMM ALGECIRAS")));
        var viewer = await app.LoginAsViewerAsync();

        async Task<string> Search(string typed) =>
            WebUtility.HtmlDecode(await viewer.GetStringAsync($"/voyage?vessel_name={Uri.EscapeDataString(typed)}"));

        var byAlias = await Search("H/ECOPIA");
        var spaced = await Search("hyundai   smart ");
        var korean = await Search("현대");

        Assert.Contains("HYUNDAI ECOPIA", byAlias);
        Assert.DoesNotContain("HMM ALGECIRAS", byAlias);
        Assert.Contains("HYUNDAI SMART", spaced);
        Assert.Contains("총 <strong>2</strong>척", korean);
        Assert.DoesNotContain("HMM ALGECIRAS", korean);
    }

    [Fact]
    public async Task The_home_search_jumps_to_the_ship_or_lists_the_hyundai_ships()
    {
        var (ecopia, smart, algeciras, korean) = await Ships;
        var viewer = await app.LoginAsViewerAsync();

        foreach (var typed in new[] { "현대 ecopia", "hyundai  ecopia", "HYUNDAI ECOPIA" })
        {
            var response = await viewer.GetAsync($"/?q={Uri.EscapeDataString(typed)}");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{typed}: {(int)response.StatusCode}");
            Assert.Equal($"/vessel/{ecopia}", response.Headers.Location!.OriginalString);
        }
        var many = await viewer.GetStringAsync($"/?q={Uri.EscapeDataString("현대")}");
        foreach (var id in new[] { ecopia, smart, korean })
        {
            Assert.Contains($"href=\"/vessel/{id}\"", many);
        }
        Assert.DoesNotContain($"href=\"/vessel/{algeciras}\"", many);
    }
}
