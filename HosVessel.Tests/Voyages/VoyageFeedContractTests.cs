using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Voyages;

/// <summary>The n8n workflow keeps posting exactly what it posts today.</summary>
public sealed class VoyageFeedContractTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task The_issue_example_posted_verbatim_is_stored_field_by_field()
    {
        var client = factory.CreateClient();

        var answer = await client.PushOkAsync(VoyageFeedClient.ExampleBody);

        Assert.Equal("ok", (string?)answer["message"]);
        Assert.Equal(1, (int)answer["received"]!);
        Assert.Equal(0, (int)answer["linked"]!);
        Assert.Equal(["HMM ALGECIRAS"], answer["unlinked"]!.AsArray().Select(n => (string?)n));

        var list = await (await client.GetWithKeyAsync("/api/voyages")).ReadJsonAsync();
        var id = (long)list["items"]![0]!["id"]!;
        var voyage = await (await client.GetWithKeyAsync($"/api/voyages/{id}")).ReadJsonAsync();
        Assert.Equal("HMM ALGECIRAS", (string?)voyage["vessel_name"]);
        Assert.Equal("0019", (string?)voyage["voy_no"]);
        Assert.Equal("FE4", (string?)voyage["line"]);
        Assert.Equal("24K", (string?)voyage["teu"]);
        Assert.Equal("KOR", (string?)voyage["flag"]);
        Assert.Equal("이상필 (2026-02-05)", (string?)voyage["captain"]);
        Assert.Equal("문학병 (2025-10-30)", (string?)voyage["chief_engineer"]);
        Assert.Equal("장성욱", (string?)voyage["safety_supervisor"]);
        Assert.Equal("강문수", (string?)voyage["ops_supervisor"]);
        Assert.Equal("Tokyo", (string?)voyage["psc_inspection"]!["mou_1"]);
        Assert.Equal("2025-09-09", (string?)voyage["psc_inspection"]!["date_1"]);
        Assert.Equal("Paris", (string?)voyage["psc_inspection"]!["mou_2"]);
        Assert.Equal("2025-11-25", (string?)voyage["psc_inspection"]!["date_2"]);
        Assert.Equal("SGSIN(PSA)", (string?)voyage["last_port"]!["port"]);
        Assert.Equal("2026-02-19 04:30", (string?)voyage["last_port"]!["etd"]);
        Assert.Equal("GBFXT(GBR)", (string?)voyage["next_port"]!["port"]);
        Assert.Equal("2026-03-21 04:00", (string?)voyage["next_port"]!["eta"]);
        Assert.Equal("2026-03-22 04:00", (string?)voyage["next_port"]!["etb"]);
        Assert.Equal("2026-03-23 15:00", (string?)voyage["next_port"]!["etd"]);
        Assert.Equal("NLRTM / RWG(03/24) → DEHAM / CTB(03/30) → ...", (string?)voyage["itinerary"]);
        Assert.Null(voyage["vessel_id"]);
    }

    [Fact]
    public async Task The_stored_columns_hold_the_example_and_nothing_else()
    {
        await factory.CreateClient().PushOkAsync(VoyageFeedClient.ExampleBody);

        Assert.Equal(1L, await factory.QueryScalarAsync<long>("SELECT count(*) FROM voyages"));
        Assert.Equal("HMM ALGECIRAS|0019|FE4|24K|KOR|이상필 (2026-02-05)|문학병 (2025-10-30)|장성욱|강문수|"
            + "Tokyo|2025-09-09|Paris|2025-11-25|SGSIN(PSA)|2026-02-19 04:30|GBFXT(GBR)|2026-03-21 04:00|"
            + "2026-03-22 04:00|2026-03-23 15:00|NLRTM / RWG(03/24) → DEHAM / CTB(03/30) → ...",
            await factory.QueryScalarAsync<string>("""
                SELECT concat_ws('|', vessel_name, voy_no, line, teu, flag, captain, chief_engineer, safety_supervisor,
                    ops_supervisor, psc_mou_1, psc_date_1, psc_mou_2, psc_date_2, last_port, last_etd, next_port,
                    next_eta, next_etb, next_etd, itinerary) FROM voyages
                """));
    }

    [Fact]
    public async Task H_slash_names_are_stored_as_HYUNDAI_and_link_to_a_register_vessel_written_either_way()
    {
        var suffix = VoyageFeedClient.Unique("ECOPIA");
        var vesselId = await factory.InsertRegisterVesselAsync($"H/{suffix}");
        var client = factory.CreateClient();

        var answer = await client.PushOkAsync(VoyageFeedClient.Items($"h/  {suffix.ToLowerInvariant()}", "NOWHERE IN REGISTER"));

        Assert.Equal(1, (int)answer["linked"]!);
        Assert.Equal(["NOWHERE IN REGISTER"], answer["unlinked"]!.AsArray().Select(n => (string?)n));
        var list = await (await client.GetWithKeyAsync("/api/voyages?vessel_name=ecopia")).ReadJsonAsync();
        var voyage = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal($"HYUNDAI {suffix}", (string?)voyage["vessel_name"]);
        Assert.Equal(vesselId, (long)voyage["vessel_id"]!);
    }

    [Fact]
    public async Task A_wrong_or_missing_key_is_401_Unauthorized_and_changes_nothing()
    {
        var client = factory.CreateClient();
        await client.PushOkAsync(VoyageFeedClient.Items("KEEP ME"));

        foreach (var key in new[] { null, "", "wrong-key" })
        {
            var response = await client.PushAsync(VoyageFeedClient.Items("INTRUDER"), apiKey: key);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Unauthorized", (string?)(await response.ReadJsonAsync())["error"]);
        }
        Assert.Equal("KEEP ME", await factory.QueryScalarAsync<string>("SELECT group_concat(vessel_name) FROM voyages"));
    }

    [Fact]
    public async Task Numbers_where_text_belongs_are_stored_as_text()
    {
        var answer = await factory.CreateClient().PushOkAsync(
            """[{"vessel_name": "NUMERIC VOY", "voy_no": 19, "teu": 24000, "last_port": {"etd": 20260219}}]""");

        Assert.Equal("ok", (string?)answer["message"]);
        Assert.Equal("19|24000|20260219", await factory.QueryScalarAsync<string>(
            "SELECT concat_ws('|', voy_no, teu, last_etd) FROM voyages WHERE vessel_name = 'NUMERIC VOY'"));
    }

    [Fact]
    public async Task Missing_optional_fields_and_nested_objects_are_stored_as_null()
    {
        await factory.CreateClient().PushOkAsync("""[{"vessel_name": "BARE", "next_port": {"port": "KRPUS"}}]""");

        Assert.Equal(1L, await factory.QueryScalarAsync<long>("""
            SELECT count(*) FROM voyages WHERE vessel_name = 'BARE' AND next_port = 'KRPUS' AND voy_no IS NULL
            AND psc_mou_1 IS NULL AND last_port IS NULL AND last_etd IS NULL AND next_eta IS NULL AND itinerary IS NULL
            """));
    }
}
