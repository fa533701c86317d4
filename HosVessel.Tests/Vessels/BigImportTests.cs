using System.Text;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels;

/// <summary>
/// The register of a large company is one file: <c>import-vessels</c> reads it as it goes, whatever its size, while
/// a browser upload keeps its 10 MB and 50,000-row limits (issue 12). Slow: about 50,000 rows are written.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class BigImportTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private const int Rows = 50_001;

    [Fact]
    public async Task The_command_imports_one_file_over_fifty_thousand_rows_and_ten_megabytes_that_an_upload_refuses()
    {
        var file = Path.Combine(factory.DataDirectory, $"register-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, RegisterJson());
        Assert.True(new FileInfo(file).Length > VesselImporter.MaxBytes);
        using var scope = factory.Services.CreateScope();
        await using (var upload = File.OpenRead(file))
        {
            var refused = await scope.ServiceProvider.GetRequiredService<VesselImporter>().ImportAsync(upload, false, "test");
            Assert.Contains("너무 큽니다", refused.Error);
        }

        var output = new StringWriter();
        var exit = await ImportVesselsCommand.RunAsync(scope.ServiceProvider, file, skipInvalid: false, output, CancellationToken.None);

        Assert.True(exit == 0, output.ToString());
        Assert.StartsWith($"added {Rows}, updated 0, rejected 0, unchanged 0", output.ToString());
        var store = scope.ServiceProvider.GetRequiredService<VesselStore>();
        var last = await store.FindByImoAsync(Imo(Rows - 1));
        Assert.Equal(("BIG FLEET 50000", "LR+KR", null), (last!.Name, last.Class, last.Callsign));
        Assert.Equal(1, (await store.SearchAsync(new VesselQuery(Name: "big fleet 50000"))).TotalCount);
    }

    // Shaped like the register: dual classes, ships without call sign, Korean finance terms; padded past 10 MB.
    private static string RegisterJson()
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < Rows; i++)
        {
            json.Append(i == 0 ? "" : ",\n").Append(
                $$"""{"name":"BIG FLEET {{i:D5}}","imo_no":"{{Imo(i)}}","ship_code":"Z{{i:X5}}","ship_type":"CNTR","size":"13K","flag":"KOR","ro":"KR","class":"LR+KR","built_year":"2009-10","shipyard":"Hyundai Heavy Industries, Ulsan","finance":"국적취득조건부 나용선(BBCHP)","tic":"CT1","crew":"CM2","callsign":null}""");
        }
        return json.Append(']').ToString();
    }

    private static string Imo(int i)
    {
        var firstSix = (850_000 + i).ToString("D6");
        return firstSix + ImoNumber.CheckDigit(firstSix);
    }
}
