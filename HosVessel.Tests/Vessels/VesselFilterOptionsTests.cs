using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels;

/// <summary>The list's dropdowns come from memory, yet follow every register change made through the app at once.</summary>
public sealed class VesselFilterOptionsTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task A_new_ship_type_and_flag_appear_in_the_dropdowns_at_once_and_leave_with_their_last_vessel()
    {
        var client = await factory.LoginAsViewerAsync();
        var store = factory.Services.GetRequiredService<VesselStore>();
        Assert.DoesNotContain("<option value=\"ZZRORO\"", await client.GetStringAsync("/vessel/list"));
        var fields = VesselSamples.Valid("HYUNDAI ECOPIA");
        fields.ShipType = "zzroro";
        fields.Flag = "zzb";

        var id = (await store.CreateAsync(fields)).Id!.Value;
        var withNew = await client.GetStringAsync("/vessel/list");
        await store.DeleteAsync(id);
        var afterDelete = await client.GetStringAsync("/vessel/list");

        Assert.Contains("<option value=\"ZZRORO\"", withNew);
        Assert.Contains("<option value=\"ZZB\"", withNew);
        Assert.DoesNotContain("<option value=\"ZZRORO\"", afterDelete);
        Assert.DoesNotContain("<option value=\"ZZB\"", afterDelete);
    }

    [Fact]
    public async Task An_import_updates_the_dropdowns_at_once()
    {
        var client = await factory.LoginAsViewerAsync();
        await client.GetStringAsync("/vessel/list");
        var row = $$"""
            [{"name":"H/ECOPIA","imo_no":"{{VesselSamples.NewImo()}}","ship_code":"{{VesselSamples.NewShipCode()}}","ship_type":"ZZLPGC",
              "size":"9K","flag":"MLT","ro":"KR","class":"KR","tic":"CT1","crew":"CM1","shipyard":"HMD","built_year":"2018-03"}]
            """;

        var summary = await factory.Services.GetRequiredService<VesselImporter>()
            .ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(row)), skipInvalid: false, source: "test");

        Assert.True(summary.Applied, summary.Error ?? string.Join("; ", summary.Rejected.Select(r => r.ToString())));
        Assert.Contains("<option value=\"ZZLPGC\"", await client.GetStringAsync("/vessel/list"));
    }
}
