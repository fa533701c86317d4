using Dapper;
using HosVessel.Web.Legacy;

namespace HosVessel.Tests.Legacy;

public sealed class LegacyImporterTests : IDisposable
{
    private readonly ImportTarget target = new();

    public void Dispose() => target.Dispose();

    [Fact]
    public async Task Vessels_keep_their_ids_and_every_field_row_for_row()
    {
        LegacyFleet.Create(target.LegacyPath);
        await target.Importer.ImportAsync(target.LegacyPath, dryRun: false, CancellationToken.None);

        using var connection = target.Open();
        var vessels = connection.Query(
            "SELECT id, name, name_key, imo_no, ship_code, ship_type, size, flag, ro, class, built_year, tic, crew FROM vessels ORDER BY id")
            .Select(v => ((long)v.id, (string)v.name, (string)v.name_key, (string)v.imo_no, (string?)v.ship_code, (string)v.ship_type,
                (string)v.size, (string)v.flag, (string?)v.ro, (string?)v.@class, (string?)v.built_year, (string?)v.tic, (string?)v.crew))
            .ToList();
        Assert.Equal(
            [
                (3, "HYUNDAI AMBITION", "HYUNDAI AMBITION", "9321483", "HAMB01", "Container", "13000TEU", "Marshall Islands", "KR", "KR", "2008", "TEAM-A", "Korean"),
                (21, LegacyFleet.MarkupName, "<B>현대 드림</B> & CO", "9123451", "HDRM", "Bulk", "Capesize", "대한민국", "LR", "ABS", null, "<script>alert(1)</script>", "한국인/필리핀"),
                (22, "H/  GLORY", "HYUNDAI GLORY", "9398280", null, "Tanker", "VLCC", "Panama", null, null, null, null, null),
                (30, "hyundai   glory", "HYUNDAI GLORY", "0123456", "HGL30", "PCTC", "6500 units", "Liberia", "DNV", "DNV", "2015", "TEAM-B", "Mixed"),
            ],
            vessels);
    }

    [Fact]
    public async Task Voyages_keep_their_fields_and_link_by_normalised_name()
    {
        LegacyFleet.Create(target.LegacyPath);
        var before = DateTimeOffset.UtcNow;
        await target.Importer.ImportAsync(target.LegacyPath, dryRun: false, CancellationToken.None);

        using var connection = target.Open();
        var full = connection.QuerySingle("SELECT * FROM voyages WHERE id = 2");
        Assert.Equal("HYUNDAI AMBITION", (string)full.vessel_key);
        Assert.Equal("Hyundai Ambition", (string)full.vessel_name);
        Assert.Equal(
            ["012E", "AEX", "13,000", "Capt. Kim", "C/E Lee", "S. Park", "O. Choi", "Tokyo MOU", "2025-11-03", "Paris MOU", "2024-06-10",
             "BUSAN", "2026-02-19 18:00", "SINGAPORE", "2026-02-24 06:00", "2026-02-24 08:00", "2026-02-25 20:00", "BUSAN - SINGAPORE - ROTTERDAM"],
            LegacyVoyage.CopiedColumns.Select(c => (string?)((IDictionary<string, object?>)full)[c]));
        Assert.Equal("2026-02-20T01:02:03.4567890+00:00", (string)full.updated_at);

        var links = connection.Query<(long Id, string Key, long? VesselId)>(
            "SELECT v.id, v.vessel_key, s.id FROM voyages v LEFT JOIN vessels s ON s.name_key = v.vessel_key ORDER BY v.id, s.id").ToList();
        Assert.Equal([(2, "HYUNDAI AMBITION", 3), (5, "HYUNDAI GLORY", 22), (5, "HYUNDAI GLORY", 30), (6, "UNKNOWN SHIP", null), (8, "<B>현대 드림</B> & CO", 21)], links);

        var noTimestamp = DateTimeOffset.Parse(connection.QuerySingle<string>("SELECT updated_at FROM voyages WHERE id = 8"));
        Assert.InRange(noTimestamp, before, DateTimeOffset.UtcNow);
        Assert.Equal("부산 → 광양 <i>예정</i>", connection.QuerySingle<string>("SELECT itinerary FROM voyages WHERE id = 8"));
    }

    [Fact]
    public async Task Users_keep_username_role_and_hash_and_the_summary_lists_every_problem()
    {
        LegacyFleet.Create(target.LegacyPath);
        var summary = await target.Importer.ImportAsync(target.LegacyPath, dryRun: false, CancellationToken.None);

        using var connection = target.Open();
        var users = connection.Query<(string, string, string)>("SELECT username, role, password_hash FROM users ORDER BY username").ToList();
        Assert.Equal(
            [
                ("admin", "admin", WerkzeugVectors.ScryptAdminHash),
                ("captain_kim", "admin", WerkzeugVectors.Pbkdf2260kHash),
                ("ops_park", "viewer", WerkzeugVectors.ScryptViewerHash),
                ("viewer_lee", "viewer", WerkzeugVectors.Pbkdf2600kHash),
            ],
            users);

        Assert.Equal((4, 4, 4, 4, 3, 3, 1, 4, 4, 3), (summary.UsersRead, summary.UsersImported, summary.VesselsRead, summary.VesselsImported,
            summary.DetailsRead, summary.DetailsImported, summary.VesselsWithoutDetail, summary.VoyagesRead, summary.VoyagesImported, summary.VoyagesLinked));
        Assert.Empty(summary.Skipped);
        var text = summary.ToString();
        Assert.Contains("vessel #21: IMO 9123451: wrong check digit (the last digit should be 3)", text);
        Assert.Contains("vessel #30: IMO 123456 had fewer than 7 digits; stored as 0123456", text);
        Assert.Contains("vessel #30: name 'hyundai   glory' is the same ship name as vessel #22's", text);
        Assert.Contains("vessel #22: has no vessel_detail row", text);
        Assert.Contains("user #7: role 'user' is not admin or viewer; imported as viewer", text);
        Assert.Contains("voyage_info #6: vessel_id #21 pointed to '<b>현대 드림</b> & Co', but the voyage is for 'UNKNOWN SHIP'; it is now unlinked", text);
        Assert.Contains("voyage_info #8: updated_at is missing; set to the import time", text);
        Assert.NotNull(connection.QuerySingleOrDefault<string>("SELECT value FROM app_meta WHERE key = 'legacy.imported_at'"));
    }

    [Fact]
    public async Task The_legacy_file_is_byte_for_byte_unchanged_and_gets_no_side_files()
    {
        LegacyFleet.Create(target.LegacyPath);
        var before = LegacyFleet.Sha256(target.LegacyPath);
        var filesBefore = Directory.GetFiles(target.DataPath, "vessel.db*");

        await target.Importer.ImportAsync(target.LegacyPath, dryRun: false, CancellationToken.None);

        Assert.Equal(before, LegacyFleet.Sha256(target.LegacyPath));
        Assert.Equal(filesBefore, Directory.GetFiles(target.DataPath, "vessel.db*"));
    }

    [Fact]
    public async Task A_dry_run_reports_the_same_summary_and_writes_nothing()
    {
        LegacyFleet.Create(target.LegacyPath);
        var summary = await target.Importer.ImportAsync(target.LegacyPath, dryRun: true, CancellationToken.None);

        Assert.Equal(4, summary.VesselsImported);
        Assert.StartsWith("HOSVESSEL-LEGACY-IMPORT\nDry run (nothing written)", summary.ToString().ReplaceLineEndings("\n"));
        using var connection = target.Open();
        Assert.Equal(0, connection.QuerySingle<long>("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM vessels) + (SELECT count(*) FROM voyages) + (SELECT count(*) FROM app_meta)"));
    }

    [Fact]
    public async Task A_second_import_is_refused_because_the_database_is_not_empty()
    {
        LegacyFleet.Create(target.LegacyPath);
        await target.Importer.ImportAsync(target.LegacyPath, dryRun: false, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<LegacyImportRefusedException>(
            () => target.Importer.ImportAsync(target.LegacyPath, dryRun: false, CancellationToken.None));
        Assert.StartsWith("The database is not empty: the old app's data was already imported at", refused.Message);
    }

    [Fact]
    public async Task An_unused_bootstrap_admin_is_replaced_but_a_used_database_is_refused()
    {
        LegacyFleet.Create(target.LegacyPath);
        using (var connection = target.Open())
        {
            connection.Execute("INSERT INTO users (username, password_hash, role, security_stamp, created_at) VALUES ('admin', 'x', 'admin', 's', 'now')");
        }
        await target.Importer.ImportAsync(target.LegacyPath, dryRun: false, CancellationToken.None);
        using (var connection = target.Open())
        {
            Assert.Equal(WerkzeugVectors.ScryptAdminHash, connection.QuerySingle<string>("SELECT password_hash FROM users WHERE username = 'admin'"));
        }

        using var other = new ImportTarget();
        LegacyFleet.Create(other.LegacyPath);
        using (var connection = other.Open())
        {
            connection.Execute("INSERT INTO vessels (name, name_key, imo_no, ship_type, size, flag, created_at, updated_at) VALUES ('A', 'A', '9321483', 't', 's', 'f', 'now', 'now')");
        }
        var refused = await Assert.ThrowsAsync<LegacyImportRefusedException>(
            () => other.Importer.ImportAsync(other.LegacyPath, dryRun: false, CancellationToken.None));
        Assert.Equal("it already holds 1 vessel(s) and 0 voyage(s)", refused.Reason);
    }
}
