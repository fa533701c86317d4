using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.ApiKeys;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels;

/// <summary>
/// The vessel's fields are listed once, in <see cref="VesselFieldTable"/>; these fail when a field is added to the
/// record, the table, the schema, the search index, the form, the API, the CSV or the import but missing from another.
/// </summary>
public sealed class VesselFieldTableTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private static readonly string[] StoredOnly = ["id", "name_key", "created_at", "updated_at"];

    [Fact]
    public void Every_vessel_property_has_one_row_that_reads_and_writes_it()
    {
        var properties = typeof(VesselFields).GetProperties();
        var fields = new VesselFields();
        foreach (var field in VesselFieldTable.All)
        {
            field.Set(fields, "value of " + field.Key);
        }

        Assert.Equal(properties.Length, VesselFieldTable.All.Count);
        // A row writing the wrong property leaves another unset.
        Assert.Equal(VesselFieldTable.All.Select(f => "value of " + f.Key).Order(), properties.Select(p => (string?)p.GetValue(fields)).Order());
        Assert.All(VesselFieldTable.All, field => Assert.Equal("value of " + field.Key, field.Get(fields)));
        Assert.Equal(VesselFieldTable.All.Count, VesselFieldTable.All.Select(f => f.Key).Distinct().Count());
    }

    [Fact]
    public async Task The_vessels_table_has_a_column_for_every_field_and_no_other()
    {
        var columns = await QueryAsync("SELECT name FROM pragma_table_info('vessels')");

        Assert.Equal(VesselFieldTable.All.Select(f => f.Column).Concat(StoredOnly).Order(), columns.Order());
    }

    [Fact]
    public async Task The_search_index_covers_exactly_the_searched_fields()
    {
        var trigger = (await QueryAsync("SELECT sql FROM sqlite_master WHERE name = 'vessels_search_update'")).Single();
        var watched = trigger[(trigger.IndexOf("UPDATE OF", StringComparison.Ordinal) + 9)..trigger.IndexOf(" ON vessels", StringComparison.Ordinal)]
            .Split(',', StringSplitOptions.TrimEntries);

        Assert.Equal(VesselFieldTable.All.Where(f => f.Searched).Select(f => f.Column).Order(), watched.Order());
    }

    [Fact]
    public async Task The_API_document_describes_every_field_of_a_vessel()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var vessel = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(nameof(Vessel));

        Assert.Equal(["id", .. VesselFieldTable.All.Select(f => f.Key)], vessel.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task The_new_vessel_form_has_an_input_for_every_field()
    {
        var html = await (await factory.LoginAsAdminAsync()).GetStringAsync("/vessel/new");

        Assert.All(VesselFieldTable.All, field => Assert.Contains($"name=\"{field.Key}\"", html));
    }

    [Fact]
    public async Task A_vessel_with_every_field_comes_back_the_same_from_the_form_the_API_the_CSV_and_an_import()
    {
        var fields = VesselSamples.Valid();
        var admin = await factory.LoginAsAdminAsync();
        var created = await admin.PostFormAsync("/vessel/new", VesselSamples.Form(fields));
        Assert.True(created.IsSuccessStatusCode || (int)created.StatusCode == 302, $"create answered {created.StatusCode}");

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyOptions.HeaderName, HosVesselFactory.ApiKey);
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/vessels/{fields.ImoNo}");
        Assert.All(VesselFieldTable.All, field => Assert.Equal(field.Get(fields), json.GetProperty(field.Key).GetString()));

        var csv = await admin.GetStringAsync($"/vessel/list?handler=csv&name={fields.ImoNo}");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ["ID", .. VesselFieldTable.All.Select(f => f.Label)]), lines[0]);
        Assert.Equal(VesselFieldTable.All.Select(f => f.Get(fields)), lines[1].Split(',').Skip(1));

        // Every field changed through an import reaches the store.
        var changed = new VesselFields { ImoNo = fields.ImoNo };
        foreach (var field in VesselFieldTable.All.Where(f => f != VesselFieldTable.Imo))
        {
            field.Set(changed, field.Get(VesselSamples.Valid()));
        }
        var importer = factory.Services.GetRequiredService<VesselImporter>();
        var summary = await importer.ImportAsync(
            new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new[] { VesselFieldTable.All.ToDictionary(f => f.Key, f => f.Get(changed)) })),
            skipInvalid: false, source: "test");
        Assert.True(summary.Succeeded, string.Join("; ", summary.Rejected.Select(r => r.Reason)));
        var stored = await factory.Services.GetRequiredService<VesselStore>().FindByImoAsync(fields.ImoNo!);
        Assert.All(VesselFieldTable.All, field => Assert.Equal(field.Get(changed), field.Get(stored!)));
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = await factory.Services.GetRequiredService<Database>().OpenAsync();
        return (await connection.QueryAsync<string>(sql)).AsList();
    }
}
