using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;

namespace HosVessel.Tests.Pages.Vessel;

public sealed class VesselVoyageCardTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task Vessel_page_shows_its_current_voyage_with_a_link_once_the_feed_names_it()
    {
        var name = VoyageFeedClient.Unique("HYUNDAI CARD");
        var vesselId = await factory.InsertRegisterVesselAsync(name);
        var client = await factory.LoginAsViewerAsync();

        Assert.Contains("운항 정보가 없습니다.", await client.GetStringAsync($"/vessel/{vesselId}"));

        // The feed uses the fleet's H/ shorthand; the card still finds the register vessel.
        await factory.CreateClient().PushOkAsync(VoyageFeedClient.Item(new
        {
            vessel_name = "H/" + name["HYUNDAI ".Length..],
            voy_no = "0042",
            line = "FE4",
        }));
        var voyageId = await factory.QueryScalarAsync<long>("SELECT id FROM voyages");

        var html = await client.GetStringAsync($"/vessel/{vesselId}");
        Assert.Contains("현재 운항", html);
        Assert.Contains("0042", html);
        Assert.Contains($"href=\"/voyage/{voyageId}\"", html);
    }
}
