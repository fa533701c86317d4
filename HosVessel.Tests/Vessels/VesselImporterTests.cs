using System.Text;
using System.Text.Json;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels;

public sealed class VesselImporterTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private VesselStore Store => factory.Services.GetRequiredService<VesselStore>();

    private async Task<ImportSummary> ImportAsync(string text, bool skipInvalid = false)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await factory.Services.GetRequiredService<VesselImporter>().ImportAsync(stream, skipInvalid, "test");
    }

    private static Dictionary<string, object?> Json(VesselFields fields) =>
        VesselFieldTable.All.ToDictionary(f => f.Key, f => (object?)f.Get(fields));

    [Fact]
    public async Task Json_rows_are_added_then_upserted_by_imo_with_numbers_and_empty_strings_accepted()
    {
        var first = Json(VesselSamples.Valid());
        first["imo_no"] = long.Parse((string)first["imo_no"]!);
        first["shipyard"] = "";
        first.Remove("callsign");
        var second = Json(VesselSamples.Valid());

        var added = await ImportAsync(JsonSerializer.Serialize(new[] { first, second }));
        first["size"] = "VLCC";
        var updated = await ImportAsync(JsonSerializer.Serialize(new[] { first }));

        Assert.Equal((2, 0, 0, true), (added.Added, added.Updated, added.Rejected.Count, added.Applied));
        Assert.Equal((0, 1), (updated.Added, updated.Updated));
        var saved = await Store.FindByImoAsync(first["imo_no"]!.ToString()!);
        Assert.Equal(("VLCC", null, null), (saved!.Size, saved.Shipyard, saved.Callsign));
    }

    [Fact]
    public async Task One_bad_row_rejects_the_whole_file_with_its_row_number_and_reason()
    {
        var good = VesselSamples.Valid();
        var bad = VesselSamples.Valid();
        bad.ImoNo = "9074728";

        var summary = await ImportAsync(JsonSerializer.Serialize(new[] { Json(good), Json(bad) }));

        Assert.False(summary.Applied);
        var rejection = Assert.Single(summary.Rejected);
        Assert.Equal(2, rejection.Row);
        Assert.Contains("imo_no", rejection.Reason);
        Assert.Null(await Store.FindByImoAsync(good.ImoNo!));
    }

    [Fact]
    public async Task Skip_invalid_imports_the_good_rows_and_reports_the_rest()
    {
        var good = VesselSamples.Valid();
        var wrongType = Json(VesselSamples.Valid());
        wrongType["size"] = 24;
        var duplicate = Json(good);

        var summary = await ImportAsync(JsonSerializer.Serialize(new object[] { Json(good), wrongType, duplicate, "not an object" }), skipInvalid: true);

        Assert.True(summary.Applied);
        Assert.Equal(1, summary.Added);
        Assert.Equal([2, 3, 4], summary.Rejected.Select(r => r.Row));
        Assert.Contains("size", summary.Rejected[0].Reason);
        Assert.NotNull(await Store.FindByImoAsync(good.ImoNo!));
    }

    [Fact]
    public async Task The_list_pages_csv_imports_back()
    {
        var fields = VesselSamples.Valid("CSV, \"quoted\" 한바다");
        var id = (await Store.CreateAsync(fields)).Id!.Value;
        var vessel = await Store.FindByIdAsync(id);
        using var csv = new MemoryStream();
        await VesselCsv.WriteAsync(csv, [vessel!]);
        await Store.DeleteAsync(id);

        csv.Position = 0;
        var summary = await factory.Services.GetRequiredService<VesselImporter>().ImportAsync(csv, false, "test");

        Assert.Equal(1, summary.Added);
        Assert.Equal(fields.Name, (await Store.FindByImoAsync(fields.ImoNo!))!.Name);
    }

    [Theory]
    [InlineData("", "비어")]
    [InlineData("{\"name\": \"x\"}", "배열")]
    [InlineData("[{\"name\": ", "JSON 형식")]
    [InlineData("hello,world\n1,2\n", "CSV")]
    [InlineData("name,imo_no\n\"unclosed,1\n", "따옴표")]
    public async Task Unreadable_files_get_a_clear_error_and_change_nothing(string text, string expected)
    {
        var summary = await ImportAsync(text);

        Assert.False(summary.Applied);
        Assert.Contains(expected, summary.Error);
    }

    [Fact]
    public async Task Files_over_the_limit_and_non_utf8_files_are_refused()
    {
        using var huge = new MemoryStream(new byte[VesselImporter.MaxBytes + 1]);
        using var latin1 = new MemoryStream([0x5B, 0xE9, 0xFF, 0x5D]);
        var importer = factory.Services.GetRequiredService<VesselImporter>();

        Assert.Contains("너무 큽니다", (await importer.ImportAsync(huge, false, "test")).Error);
        Assert.Contains("UTF-8", (await importer.ImportAsync(latin1, false, "test")).Error);
    }

    [Fact]
    public async Task Command_prints_the_summary_and_exits_non_zero_on_rejection()
    {
        var file = Path.Combine(factory.DataDirectory, $"import-{Guid.NewGuid():N}.json");
        var good = VesselSamples.Valid();
        var bad = Json(VesselSamples.Valid());
        bad["class"] = "DNV//KR";
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new[] { Json(good), bad }));
        using var scope = factory.Services.CreateScope();

        var strict = new StringWriter();
        var strictExit = await ImportVesselsCommand.RunAsync(scope.ServiceProvider, file, skipInvalid: false, strict, CancellationToken.None);
        var lenient = new StringWriter();
        var lenientExit = await ImportVesselsCommand.RunAsync(scope.ServiceProvider, file, skipInvalid: true, lenient, CancellationToken.None);

        Assert.Equal(1, strictExit);
        Assert.StartsWith("added 0, updated 0, rejected 1: nothing changed", strict.ToString());
        Assert.Contains("row 2", strict.ToString());
        Assert.Equal(1, lenientExit);
        Assert.StartsWith("added 1, updated 0, rejected 1", lenient.ToString());
        Assert.NotNull(await Store.FindByImoAsync(good.ImoNo!));
    }

    [Fact]
    public async Task Command_refuses_a_missing_file()
    {
        using var scope = factory.Services.CreateScope();
        var error = await Assert.ThrowsAsync<HosVessel.Web.Cli.CommandException>(() =>
            ImportVesselsCommand.RunAsync(scope.ServiceProvider, "/nonexistent/vessels.json", skipInvalid: false, TextWriter.Null, CancellationToken.None));
        Assert.Contains("not found", error.Message);
    }
}
