using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dapper;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Legacy;
using HosVessel.Web.Data;
using HosVessel.Web.Voyages;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Voyages;

/// <summary>
/// The voyage's fields are listed once, in <see cref="VoyageFieldTable"/>; these fail when a field is added to
/// the record, the table, the schema, the API's documented shape or the legacy mapping but missing from another.
/// </summary>
public sealed class VoyageFieldTableTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private static readonly string[] RecordOnly = [nameof(Voyage.Id), nameof(Voyage.VesselId), nameof(Voyage.UpdatedAt)];

    [Fact]
    public void Every_voyage_property_has_one_row_that_reads_and_writes_it()
    {
        var properties = typeof(Voyage).GetProperties().Where(p => !RecordOnly.Contains(p.Name)).ToList();
        var voyage = new Voyage();
        foreach (var field in VoyageFieldTable.All)
        {
            field.Set(voyage, "value of " + field.JsonPath);
        }

        Assert.Equal(properties.Count, VoyageFieldTable.All.Count);
        // Each property got exactly the value of one row: a row writing the wrong property leaves another unset.
        Assert.Equal(
            VoyageFieldTable.All.Select(f => "value of " + f.JsonPath).Order(),
            properties.Select(p => (string?)p.GetValue(voyage)).Order());
        Assert.All(VoyageFieldTable.All, field => Assert.Equal("value of " + field.JsonPath, field.Get(voyage)));
    }

    [Fact]
    public async Task The_voyages_table_has_a_column_for_every_field_and_no_other()
    {
        await using var connection = await factory.Services.GetRequiredService<Database>().OpenAsync();
        var columns = (await connection.QueryAsync<string>("SELECT name FROM pragma_table_info('voyages')")).ToList();

        Assert.Equal(
            VoyageFieldTable.All.Select(f => f.Column).Concat(["id", "vessel_key", "updated_at"]).Order(),
            columns.Order());
    }

    [Fact]
    public void The_documented_push_item_and_read_shapes_have_every_field_and_no_other()
    {
        var paths = VoyageFieldTable.All.Select(f => f.JsonPath).Order().ToList();

        Assert.Equal(paths, JsonPaths(typeof(VoyageFeedItemDto)).Order());
        Assert.Equal(paths.Concat(["id", "vessel_id", "updated_at"]).Order(), JsonPaths(typeof(VoyageDto)).Order());
    }

    [Fact]
    public void Every_column_the_legacy_import_copies_exists_in_the_Flask_table_and_ours()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute(LegacyFleet.Schema);
        var legacyColumns = connection.Query<string>("SELECT name FROM pragma_table_info('voyage_info')").ToHashSet();

        Assert.Subset(legacyColumns, VoyageFieldTable.LegacyColumns.ToHashSet());
        // Every Flask column is either copied, or handled by name: nothing in the old table is silently dropped.
        Assert.Equal(
            legacyColumns.Order(),
            VoyageFieldTable.LegacyColumns.Concat(["id", "vessel_id", "vessel_name", "updated_at"]).Order());
    }

    [Fact]
    public async Task A_push_with_every_field_reads_back_the_same_through_the_API()
    {
        var name = VoyageFeedClient.Unique("EVERY FIELD");
        var item = new JsonObject();
        foreach (var field in VoyageFieldTable.All)
        {
            var value = field == VoyageFieldTable.VesselName ? name : "v-" + field.Column;
            if (field.JsonObject is { } objectName)
            {
                var nested = item[objectName] as JsonObject ?? (JsonObject)(item[objectName] = new JsonObject());
                nested[field.JsonName] = value;
            }
            else
            {
                item[field.JsonPath] = value;
            }
        }
        var client = factory.CreateClient();
        await client.PushOkAsync(new JsonArray(item).ToJsonString());
        var id = await factory.QueryScalarAsync<long>("SELECT id FROM voyages WHERE vessel_key = @name", new { name });

        var read = await (await client.GetWithKeyAsync($"/api/voyages/{id}")).ReadJsonAsync();

        Assert.All(VoyageFieldTable.All, field =>
        {
            var node = field.JsonObject is { } objectName ? read[objectName]![field.JsonName] : read[field.JsonPath];
            Assert.Equal(field == VoyageFieldTable.VesselName ? name : "v-" + field.Column, (string?)node);
        });
    }

    // The JSON property paths of a documented record, one level of nesting deep, as "object.name".
    private static IEnumerable<string> JsonPaths(Type type, string prefix = "")
    {
        foreach (var parameter in type.GetConstructors().Single().GetParameters())
        {
            var property = type.GetProperty(parameter.Name!)!;
            var name = prefix + property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.Name.EndsWith("Dto", StringComparison.Ordinal))
            {
                foreach (var nested in JsonPaths(propertyType, name + "."))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return name;
            }
        }
    }
}
