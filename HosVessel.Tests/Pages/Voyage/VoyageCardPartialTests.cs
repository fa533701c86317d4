using HosVessel.Web.Vessels;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Voyages;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Pages.Voyage;

/// <summary>The lookup behind the voyage card on the vessel detail page.</summary>
public sealed class VoyageCardPartialTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task A_register_vessel_finds_its_current_voyage_by_name_key()
    {
        await factory.CreateClient().PushOkAsync("""[{"vessel_name": "H/SMART", "voy_no": "0042", "line": "TP7"}]""");
        var store = factory.Services.GetRequiredService<VoyageStore>();

        var voyage = await store.GetByVesselNameKeyAsync(VesselName.Normalise("Hyundai  Smart"));

        Assert.NotNull(voyage);
        Assert.Equal(("HYUNDAI SMART", "0042", "TP7"), (voyage.VesselName, voyage.VoyNo, voyage.Line));
        Assert.Null(await store.GetByVesselNameKeyAsync("NO SUCH SHIP"));
    }
}
