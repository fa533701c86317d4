using HosVessel.Web.Legacy;

namespace HosVessel.Tests.Legacy;

public sealed class LegacyDatabaseReaderTests : IDisposable
{
    private readonly ImportTarget target = new();

    public void Dispose() => target.Dispose();

    private string ReadError()
    {
        var error = Assert.Throws<LegacyDatabaseException>(() => LegacyDatabaseReader.Read(target.LegacyPath));
        Assert.Contains(target.LegacyPath, error.Message);
        return error.Message;
    }

    [Fact]
    public void A_file_that_is_not_sqlite_says_so()
    {
        File.WriteAllText(target.LegacyPath, "id,name\n1,HYUNDAI AMBITION\n");
        Assert.EndsWith("is not a SQLite database (it does not start with the SQLite header).", ReadError());
    }

    [Fact]
    public void An_empty_file_says_it_is_empty()
    {
        File.WriteAllBytes(target.LegacyPath, []);
        Assert.Contains("is empty (0 bytes)", ReadError());
    }

    [Fact]
    public void A_truncated_copy_says_it_is_truncated()
    {
        LegacyFleet.Create(target.LegacyPath);
        var bytes = File.ReadAllBytes(target.LegacyPath);
        File.WriteAllBytes(target.LegacyPath, bytes[..(bytes.Length / 2)]);
        Assert.Contains($"is truncated: its header says {bytes.Length} bytes but the file has {bytes.Length / 2}", ReadError());
    }

    [Fact]
    public void A_corrupt_page_says_the_file_is_damaged()
    {
        LegacyFleet.Create(target.LegacyPath);
        var bytes = File.ReadAllBytes(target.LegacyPath);
        // Page 2 onwards hold the tables; scribble over all of them but keep the header and schema page.
        Array.Fill(bytes, (byte)0xA5, 4096, bytes.Length - 4096);
        File.WriteAllBytes(target.LegacyPath, bytes);
        Assert.Contains("is damaged", ReadError());
    }

    [Fact]
    public void Another_apps_database_names_the_missing_table()
    {
        LegacyFleet.Create(target.LegacyPath, rows: "", schema: "CREATE TABLE user (id INTEGER PRIMARY KEY, username TEXT, password TEXT, role TEXT); CREATE TABLE notes (id INTEGER);");
        Assert.EndsWith("is not the old Flask app's database: it has no 'vessel' table (tables: notes, user).", ReadError());
    }

    [Fact]
    public void A_table_missing_columns_names_them()
    {
        var schema = LegacyFleet.Schema.Replace("ship_size VARCHAR(20) NOT NULL, flag VARCHAR(50) NOT NULL,", "");
        LegacyFleet.Create(target.LegacyPath, rows: "", schema: schema);
        Assert.EndsWith("is not the old Flask app's database: table 'vessel' lacks column(s) ship_size, flag.", ReadError());
    }

    [Fact]
    public void An_unfinished_write_ahead_log_is_not_silently_ignored()
    {
        LegacyFleet.Create(target.LegacyPath);
        File.WriteAllBytes(target.LegacyPath + "-wal", [1, 2, 3]);
        Assert.Contains("holds changes not yet written", Assert.Throws<LegacyDatabaseException>(() => LegacyDatabaseReader.Read(target.LegacyPath)).Message);
    }

    [Fact]
    public void A_path_with_spaces_hangul_and_a_hash_sign_opens()
    {
        var folder = Directory.CreateDirectory(Path.Combine(target.DataPath, "예전 앱 #1")).FullName;
        var path = Path.Combine(folder, "vessel.db");
        LegacyFleet.Create(path);
        Assert.Equal(4, LegacyDatabaseReader.Read(path).Vessels.Count);
    }

    [Fact]
    public void Odd_rows_are_imported_and_listed_never_dropped_silently()
    {
        LegacyFleet.Create(target.LegacyPath, rows: """
            INSERT INTO vessel VALUES (1, 'ALPHA', 9321483, 'Container', '1000TEU', 'Panama');
            INSERT INTO vessel VALUES (2, '  ', 9398280, '', 'x', 'Panama');
            INSERT INTO vessel VALUES (5, 'BETA', 'IMO 93', 'Bulk', 'x', 'Panama');
            INSERT INTO vessel_detail VALUES (1, 1, 'AAA', 'KR', 'KR', '2000', 'T', 'C');
            INSERT INTO vessel_detail VALUES (4, 1, 'AAA2', 'KR', 'KR', '2001', 'T', 'C');
            INSERT INTO vessel_detail VALUES (6, 99, 'ZZZ', 'KR', 'KR', '2001', 'T', 'C');
            INSERT INTO voyage_info (id, vessel_name, voy_no, updated_at) VALUES (1, 'Alpha', 'OLD', '2026-01-01 00:00:00');
            INSERT INTO voyage_info (id, vessel_name, voy_no, updated_at) VALUES (2, 'ALPHA ', 'NEW', '2026-02-01 00:00:00');
            INSERT INTO voyage_info (id, vessel_name, voy_no, updated_at) VALUES (3, ' ', 'X', '2026-02-01 00:00:00');
            """);
        var data = LegacyDatabaseReader.Read(target.LegacyPath);
        var plan = LegacyImportPlan.Create(data, target.LegacyPath, DateTimeOffset.UtcNow);

        Assert.Equal([1, 2, 5], plan.Vessels.Select(v => v.Id));
        Assert.Equal("AAA2", plan.Vessels[0].ShipCode);
        Assert.Equal("IMO 93", plan.Vessels[2].ImoNo);
        Assert.Equal(["NEW"], plan.Voyages.Select(v => v.Fields[0]));
        Assert.Equal(
            [
                "vessel_detail #1: vessel #1 has a newer detail row #4, which was kept",
                "vessel_detail #6: its vessel #99 does not exist",
                "voyage_info #1: voyage #2 is for the same ship (ALPHA) and newer; it was kept",
                "voyage_info #3: vessel_name is empty",
            ],
            plan.Summary.Skipped.Select(s => s.ToString()));
        var summary = plan.Summary.ToString();
        Assert.Contains("vessel #5: IMO 'IMO 93' is not a 7-digit number", summary);
        Assert.Contains("vessel #2: required field name is empty", summary);
        Assert.Contains("vessel #2: required field ship_type is empty", summary);
    }
}
