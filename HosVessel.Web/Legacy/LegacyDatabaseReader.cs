using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Legacy;

/// <summary>
/// Opens the Flask app's <c>vessel.db</c> strictly read-only (<c>mode=ro</c>, <c>immutable=1</c>: no lock,
/// journal or WAL side files are written), checks it is that app's schema, and reads every row.
/// </summary>
public static class LegacyDatabaseReader
{
    public const string FileName = "vessel.db";

    private static readonly Dictionary<string, string[]> RequiredColumns = new()
    {
        ["user"] = ["id", "username", "password", "role"],
        ["vessel"] = ["id", "name", "imo_number", "ship_type", "ship_size", "flag"],
        ["vessel_detail"] = ["id", "vessel_id", "ship_code", "vessel_ro", "vessel_class", "built_year", "team", "crew"],
        ["voyage_info"] = ["id", "vessel_id", "vessel_name", .. LegacyVoyage.CopiedColumns, "updated_at"],
    };

    public static LegacyData Read(string path)
    {
        CheckFile(path);
        try
        {
            using var connection = new SqliteConnection(ConnectionString(path));
            connection.Open();
            CheckIntegrity(connection, path);
            CheckSchema(connection, path);
            return new LegacyData(ReadUsers(connection), ReadVessels(connection), ReadDetails(connection), ReadVoyages(connection));
        }
        catch (SqliteException exception)
        {
            throw new LegacyDatabaseException(
                $"{path} is damaged or is not a SQLite database (SQLite: {exception.Message}). Copy it again from the old server.", exception);
        }
    }

    private static string ConnectionString(string path)
    {
        // immutable=1 makes SQLite skip locking and never create -journal/-wal/-shm files beside the old file.
        var uri = new Uri(Path.GetFullPath(path)).AbsoluteUri + "?mode=ro&immutable=1";
        return new SqliteConnectionStringBuilder { DataSource = uri, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
    }

    // Cheap checks on the raw bytes give a precise message where SQLite would only say "malformed".
    private static void CheckFile(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new LegacyDatabaseException($"{path} does not exist.");
        }
        if (file.Length == 0)
        {
            throw new LegacyDatabaseException($"{path} is empty (0 bytes), not the old app's database. Copy it again from the old server.");
        }
        var header = new byte[100];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        if (read < 16 || !header.AsSpan(0, 16).SequenceEqual("SQLite format 3\0"u8))
        {
            throw new LegacyDatabaseException($"{path} is not a SQLite database (it does not start with the SQLite header).");
        }
        if (read < header.Length)
        {
            throw new LegacyDatabaseException($"{path} is truncated: only {file.Length} bytes. Copy it again from the old server.");
        }
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16)) is var size && size == 1 ? 65536 : size;
        var pageCount = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(28));
        var countIsCurrent = header.AsSpan(24, 4).SequenceEqual(header.AsSpan(92, 4));
        if (countIsCurrent && (long)pageCount * pageSize > file.Length)
        {
            throw new LegacyDatabaseException(
                $"{path} is truncated: its header says {(long)pageCount * pageSize} bytes but the file has {file.Length}. Copy it again from the old server.");
        }
        foreach (var sideFile in new[] { path + "-wal", path + "-journal" })
        {
            if (File.Exists(sideFile) && new FileInfo(sideFile).Length > 0)
            {
                throw new LegacyDatabaseException(
                    $"{sideFile} holds changes not yet written into {Path.GetFileName(path)}. Stop the old app cleanly " +
                    "(or open the file once with sqlite3) so SQLite folds them in, then try again.");
            }
        }
    }

    private static void CheckIntegrity(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1)";
        var result = command.ExecuteScalar() as string;
        if (result != "ok")
        {
            throw new LegacyDatabaseException($"{path} is damaged (SQLite quick_check: {result}). Copy it again from the old server.");
        }
    }

    private static void CheckSchema(SqliteConnection connection, string path)
    {
        var tables = Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        foreach (var (table, columns) in RequiredColumns)
        {
            if (!tables.Contains(table, StringComparer.Ordinal))
            {
                var found = tables.Count == 0 ? "no tables" : "tables: " + string.Join(", ", tables);
                throw new LegacyDatabaseException(
                    $"{path} is not the old Flask app's database: it has no '{table}' table ({found}).");
            }
            var present = Strings(connection, $"SELECT name FROM pragma_table_info('{table}')");
            var missing = columns.Where(c => !present.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                throw new LegacyDatabaseException(
                    $"{path} is not the old Flask app's database: table '{table}' lacks column(s) {string.Join(", ", missing)}.");
            }
        }
    }

    private static List<LegacyUser> ReadUsers(SqliteConnection connection) =>
        Rows(connection, "SELECT id, username, password, role FROM \"user\" ORDER BY id",
            r => new LegacyUser(r.GetInt64(0), Text(r, 1), Text(r, 2), Text(r, 3)));

    private static List<LegacyVessel> ReadVessels(SqliteConnection connection) =>
        Rows(connection, "SELECT id, name, imo_number, ship_type, ship_size, flag FROM vessel ORDER BY id",
            r => new LegacyVessel(r.GetInt64(0), Text(r, 1), r.IsDBNull(2) ? null : r.GetValue(2), Text(r, 3), Text(r, 4), Text(r, 5)));

    private static List<LegacyVesselDetail> ReadDetails(SqliteConnection connection) =>
        Rows(connection,
            "SELECT id, vessel_id, ship_code, vessel_ro, vessel_class, built_year, team, crew FROM vessel_detail ORDER BY id",
            r => new LegacyVesselDetail(r.GetInt64(0), Integer(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7)));

    private static List<LegacyVoyage> ReadVoyages(SqliteConnection connection)
    {
        var copied = string.Join(", ", LegacyVoyage.CopiedColumns);
        return Rows(connection, $"SELECT id, vessel_id, vessel_name, updated_at, {copied} FROM voyage_info ORDER BY id", r =>
        {
            var fields = new string?[LegacyVoyage.CopiedColumns.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Text(r, 4 + i);
            }
            return new LegacyVoyage(r.GetInt64(0), Integer(r, 1), Text(r, 2), fields, Text(r, 3));
        });
    }

    private static List<T> Rows<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    private static List<string> Strings(SqliteConnection connection, string sql) => Rows(connection, sql, r => r.GetString(0));

    // SQLite keeps whatever type was written, whatever the declared column type; read any of them as text.
    private static string? Text(SqliteDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DBNull => null,
        string text => text,
        byte[] blob => Convert.ToHexString(blob),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    private static long? Integer(SqliteDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        long value => value,
        double value when value == Math.Floor(value) => (long)value,
        string text when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
