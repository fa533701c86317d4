using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels;

public sealed class VesselStoreTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private VesselStore Store => factory.Services.GetRequiredService<VesselStore>();

    [Fact]
    public async Task A_created_vessel_is_found_by_id_imo_and_normalised_name()
    {
        var fields = VesselSamples.Valid("Hos  Lookup " + VesselSamples.NewShipCode());
        var result = await Store.CreateAsync(fields);

        Assert.True(result.Succeeded);
        var byId = await Store.FindByIdAsync(result.Id!.Value);
        Assert.Equal(VesselName.Normalise(fields.Name), byId!.NameKey);
        Assert.Equal(byId.Id, (await Store.FindByImoAsync(fields.ImoNo!))!.Id);
        Assert.Equal(byId.Id, (await Store.FindByNameAsync(fields.Name!.ToLowerInvariant().Replace("  ", " ")))!.Id);
    }

    [Fact]
    public async Task Names_are_unique_ignoring_case_and_extra_spaces()
    {
        var name = "Unique Name " + VesselSamples.NewShipCode();
        Assert.True((await Store.CreateAsync(VesselSamples.Valid(name))).Succeeded);

        var clash = await Store.CreateAsync(VesselSamples.Valid("  " + name.ToLowerInvariant().Replace(" ", "   ") + " "));

        Assert.False(clash.Succeeded);
        Assert.Equal("같은 이름의 선박이 이미 등록되어 있습니다.", clash.Errors["name"]);
    }

    [Fact]
    public async Task Imo_and_ship_code_are_unique_the_code_ignoring_case()
    {
        var first = VesselSamples.Valid();
        Assert.True((await Store.CreateAsync(first)).Succeeded);
        var second = VesselSamples.Valid();
        second.ImoNo = first.ImoNo;
        second.ShipCode = first.ShipCode!.ToLowerInvariant();

        var clash = await Store.CreateAsync(second);

        Assert.Equal("이 IMO 번호는 이미 등록되어 있습니다.", clash.Errors["imo_no"]);
        Assert.Equal("이 선박 코드는 이미 사용 중입니다.", clash.Errors["ship_code"]);
    }

    [Fact]
    public async Task Updating_a_vessel_keeps_its_own_name_imo_and_code_without_a_clash()
    {
        var fields = VesselSamples.Valid();
        var id = (await Store.CreateAsync(fields)).Id!.Value;
        fields.Size = "4.6K";
        fields.Class = "kr";

        var result = await Store.UpdateAsync(id, fields);

        Assert.True(result.Succeeded);
        var saved = await Store.FindByIdAsync(id);
        Assert.Equal(("4.6K", "KR"), (saved!.Size, saved.Class));
    }

    [Fact]
    public async Task Search_matches_name_code_imo_and_callsign_pages_by_twenty_and_sorts()
    {
        var tag = "SRCH" + VesselSamples.NewShipCode();
        for (var i = 0; i < 23; i++)
        {
            var fields = VesselSamples.Valid($"{tag} {i:00}");
            fields.Flag = i % 2 == 0 ? "PAN" : "LIB";
            Assert.True((await Store.CreateAsync(fields)).Succeeded);
        }
        var other = VesselSamples.Valid();
        other.Callsign = tag.ToLowerInvariant();
        await Store.CreateAsync(other);

        var first = await Store.SearchAsync(new VesselQuery(Name: tag.ToLowerInvariant()));
        var second = await Store.SearchAsync(new VesselQuery(Name: tag, Page: 2));
        var panamaDescending = await Store.SearchAsync(new VesselQuery(Name: tag, Flag: "pan", Sort: "name", Dir: "desc"));

        Assert.Equal(24, first.TotalCount);
        Assert.Equal((20, 2), (first.Items.Count, first.TotalPages));
        Assert.Equal(4, second.Items.Count);
        Assert.Equal($"{tag} 00", first.Items[0].Name);
        Assert.Equal(12, panamaDescending.TotalCount);
        Assert.Equal($"{tag} 22", panamaDescending.Items[0].Name);
        Assert.Single((await Store.SearchAsync(new VesselQuery(Name: other.ImoNo))).Items);
        Assert.Single((await Store.SearchAsync(new VesselQuery(Name: other.ShipCode!.ToLowerInvariant()))).Items);
    }

    [Fact]
    public async Task Unknown_sort_columns_fall_back_to_name_and_like_wildcards_are_literal()
    {
        var query = new VesselQuery(Name: "%_", Sort: "name; DROP TABLE vessels", Dir: "sideways");

        var result = await Store.SearchAsync(query);

        Assert.Equal("name", query.SortKey);
        Assert.False(query.Descending);
        Assert.Equal(0, result.TotalCount);
    }

    [Fact]
    public async Task Pages_past_the_end_show_the_last_page()
    {
        var tag = "LAST" + VesselSamples.NewShipCode();
        await Store.CreateAsync(VesselSamples.Valid(tag + " A"));

        var result = await Store.SearchAsync(new VesselQuery(Name: tag, Page: 99));

        Assert.Equal(1, result.PageIndex);
        Assert.Single(result.Items);
    }

    [Fact]
    public async Task Ship_types_and_flags_in_use_are_listed_once_each()
    {
        var fields = VesselSamples.Valid();
        fields.ShipType = "zzcarr";
        fields.Flag = "mlt";
        await Store.CreateAsync(fields);
        await Store.CreateAsync(VesselSamples.Valid());

        var types = await Store.ShipTypesInUseAsync();
        var flags = await Store.FlagsInUseAsync();

        Assert.Contains("ZZCARR", types);
        Assert.Equal(types.Distinct().Order(StringComparer.Ordinal), types);
        Assert.Contains("MLT", flags);
    }

    [Fact]
    public async Task Deleting_removes_the_vessel()
    {
        var id = (await Store.CreateAsync(VesselSamples.Valid())).Id!.Value;

        Assert.True(await Store.DeleteAsync(id));
        Assert.Null(await Store.FindByIdAsync(id));
        Assert.False(await Store.DeleteAsync(id));
    }

    [Fact]
    public async Task Search_follows_renames_and_deletes_and_takes_quotes_and_short_terms_literally()
    {
        var code = VesselSamples.NewShipCode();
        var fields = VesselSamples.Valid($"\"O'NEIL\" 한바다 {code}");
        var id = (await Store.CreateAsync(fields)).Id!.Value;

        Assert.Single((await Store.SearchAsync(new VesselQuery(Name: $"\"o'neil\" 한바다 {code}"))).Items);
        Assert.Contains((await Store.SearchAsync(new VesselQuery(Name: "바다"))).Items, v => v.Id == id);

        fields.Name = $"RENAMED {code}";
        await Store.UpdateAsync(id, fields);
        Assert.Empty((await Store.SearchAsync(new VesselQuery(Name: $"한바다 {code}"))).Items);
        Assert.Single((await Store.SearchAsync(new VesselQuery(Name: $"renamed {code}"))).Items);

        await Store.DeleteAsync(id);
        Assert.Empty((await Store.SearchAsync(new VesselQuery(Name: $"renamed {code}"))).Items);
    }
}
