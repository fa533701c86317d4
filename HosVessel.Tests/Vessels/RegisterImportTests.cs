using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Vessels;

namespace HosVessel.Tests.Vessels;

/// <summary>
/// The register's import page with a fleet list shaped like the company's (119 ships, "H/" and "HYUNDAI" names,
/// classes such as LR+KR and KR/ABS, most ships without a callsign key): whole, exact, and re-importable without loss.
/// Each test has its own app, so each starts from an empty register.
/// </summary>
public sealed class RegisterImportTests : IAsyncLifetime
{
    private static readonly string FleetPath = Path.Combine(AppContext.BaseDirectory, "Vessels", "Fleet", "hos-fleet-119.json");

    private readonly HosVesselFactory app = new();
    private HttpClient admin = null!;

    public async Task InitializeAsync() => admin = await app.LoginAsAdminAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_whole_fleet_list_imports_exactly_without_skipping_anything()
    {
        var fleet = JsonNode.Parse(await File.ReadAllTextAsync(FleetPath))!.AsArray();
        Assert.Equal(119, fleet.Count);
        Assert.Contains(fleet, ship => (string?)ship!["class"] == "LR+KR");
        Assert.Contains(fleet, ship => ship!.AsObject().ContainsKey("callsign") == false);

        var (status, html) = await UploadAsync(await File.ReadAllBytesAsync(FleetPath), "fleet.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("추가 <strong>119</strong>척", html);
        Assert.Contains("거부 <strong>0</strong>행", html);
        foreach (var ship in fleet.Select(s => s!.AsObject()))
        {
            var stored = JsonNode.Parse(await admin.GetStringAsync($"/api/vessels/{ship["imo_no"]}"))!.AsObject();
            foreach (var field in VesselFieldTable.All)
            {
                var expected = ship.TryGetPropertyValue(field.Key, out var value) && value is not null ? value.ToString() : null;
                Assert.True(expected == (string?)stored[field.Key], $"{ship["name"]} {field.Key}: file '{expected}', stored '{stored[field.Key]}'");
            }
        }
    }

    [Fact]
    public async Task Importing_the_same_list_again_changes_nothing_and_says_so()
    {
        var file = await File.ReadAllBytesAsync(FleetPath);
        await UploadAsync(file, "fleet.json");

        var (status, html) = await UploadAsync(file, "fleet.json");
        var (_, csvAgain) = await UploadAsync(await admin.GetByteArrayAsync("/vessel/list?handler=csv"), "vessels.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("수정 <strong>0</strong>척", html);
        Assert.Contains("변경 없음 <strong>119</strong>척", html);
        Assert.Contains("수정 <strong>0</strong>척", csvAgain);
    }

    [Fact]
    public async Task A_csv_without_some_columns_blanks_nothing_and_names_the_one_field_it_changed()
    {
        await UploadAsync(await File.ReadAllBytesAsync(FleetPath), "fleet.json");
        var withCallsign = JsonNode.Parse(await File.ReadAllTextAsync(FleetPath))!.AsArray()
            .Select(s => s!.AsObject()).First(s => s.ContainsKey("callsign") && s.ContainsKey("internal_audit"));
        var csv = $"name,imo_no,size\r\n{withCallsign["name"]},{withCallsign["imo_no"]},999K\r\n";

        var (status, html) = await UploadAsync(Encoding.UTF8.GetBytes(csv), "partial.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("수정 <strong>1</strong>척", html);
        Assert.Matches($"<td>{withCallsign["name"]}</td><td>크기</td>", html);
        var stored = JsonNode.Parse(await admin.GetStringAsync($"/api/vessels/{withCallsign["imo_no"]}"))!;
        Assert.Equal("999K", (string?)stored["size"]);
        Assert.Equal((string?)withCallsign["callsign"], (string?)stored["callsign"]);
        Assert.Equal((string?)withCallsign["internal_audit"], (string?)stored["internal_audit"]);
        Assert.Equal((string?)withCallsign["class"], (string?)stored["class"]);
    }

    [Fact]
    public async Task An_explicit_empty_value_or_null_clears_an_optional_field()
    {
        var ship = VesselSamples.Valid();
        await UploadAsync(Json(ship), "one.json");

        await UploadAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, string?> { ["imo_no"] = ship.ImoNo, ["callsign"] = "", ["internal_audit"] = null },
        })), "clear.json");
        var (_, csvHtml) = await UploadAsync(Encoding.UTF8.GetBytes($"imo_no,name,shipyard\r\n{ship.ImoNo},{ship.Name},\r\n"), "clear.csv");

        var stored = JsonNode.Parse(await admin.GetStringAsync($"/api/vessels/{ship.ImoNo}"))!;
        Assert.Null((string?)stored["callsign"]);
        Assert.Null((string?)stored["internal_audit"]);
        Assert.Null((string?)stored["shipyard"]);
        Assert.Equal(ship.Class, (string?)stored["class"]);
        Assert.Contains("<td>조선소</td>", csvHtml);
    }

    [Fact]
    public async Task A_refused_file_shows_what_to_fix_and_no_counts_of_changes_that_did_not_happen()
    {
        var ship = VesselSamples.Valid();
        await UploadAsync(Json(ship), "one.json");
        var csv = $"imo_no,name,size,built_year\r\n{ship.ImoNo},{ship.Name},99K,2019-05\r\n{VesselSamples.NewImo()},NEW SHIP,1K,2019-13\r\n";

        var (status, html) = await UploadAsync(Encoding.UTF8.GetBytes(csv), "refused.csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("반영 안 됨", html);
        Assert.DoesNotContain("수정 <strong>", html);
        Assert.Contains("건조 연월 '2019-13'은 날짜가 아닙니다", html);
        Assert.Equal(ship.Size, (string?)JsonNode.Parse(await admin.GetStringAsync($"/api/vessels/{ship.ImoNo}"))!["size"]);
    }

    [Fact]
    public async Task A_formula_in_a_cell_is_exported_neutralised_and_read_back_as_it_was()
    {
        var ship = VesselSamples.Valid("=HYPERLINK(\"http://evil.example\",\"클릭\")");
        ship.Finance = "+82-2-000";
        ship.Shipyard = "@SUM(A1)";
        await UploadAsync(Json(ship), "formula.json");

        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/vessel/list?handler=csv&name={ship.ImoNo}"));
        var (_, html) = await UploadAsync(Encoding.UTF8.GetBytes(csv), "vessels.csv");

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"클릭\"\")\"", csv);
        Assert.Contains(",'+82-2-000,", csv);
        Assert.Contains(",'@SUM(A1),", csv);
        Assert.DoesNotContain(",=", csv);
        Assert.Contains("수정 <strong>0</strong>척", html);
        var stored = JsonNode.Parse(await admin.GetStringAsync($"/api/vessels/{ship.ImoNo}"))!;
        Assert.Equal(ship.Name, (string?)stored["name"]);
        Assert.Equal("+82-2-000", (string?)stored["finance"]);
    }

    private static byte[] Json(VesselFields fields) =>
        JsonSerializer.SerializeToUtf8Bytes(new[] { VesselFieldTable.All.ToDictionary(f => f.Key, f => f.Get(fields)) });

    private Task<(HttpStatusCode Status, string Html)> UploadAsync(byte[] content, string fileName) => admin.UploadVesselsAsync(content, fileName);
}
