using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace HosVessel.Tests.Legacy;

/// <summary>Builds an old app's <c>vessel.db</c> from its exact SQLAlchemy schema, with the awkward rows real data has.</summary>
public static class LegacyFleet
{
    public const string Schema = """
        CREATE TABLE user (id INTEGER NOT NULL, username VARCHAR(80) NOT NULL, password VARCHAR(200) NOT NULL,
          role VARCHAR(20) NOT NULL, PRIMARY KEY (id), UNIQUE (username));
        CREATE TABLE vessel (id INTEGER NOT NULL, name VARCHAR(100) NOT NULL, imo_number INTEGER NOT NULL,
          ship_type VARCHAR(50) NOT NULL, ship_size VARCHAR(20) NOT NULL, flag VARCHAR(50) NOT NULL,
          PRIMARY KEY (id), UNIQUE (imo_number));
        CREATE TABLE vessel_detail (id INTEGER NOT NULL, vessel_id INTEGER NOT NULL, ship_code VARCHAR(6) NOT NULL,
          vessel_ro VARCHAR(20) NOT NULL, vessel_class VARCHAR(20) NOT NULL, built_year VARCHAR(50),
          team VARCHAR(50) NOT NULL, crew VARCHAR(50) NOT NULL, PRIMARY KEY (id),
          FOREIGN KEY(vessel_id) REFERENCES vessel (id));
        CREATE TABLE voyage_info (id INTEGER NOT NULL, vessel_id INTEGER, vessel_name VARCHAR(100) NOT NULL,
          voy_no VARCHAR(20), line VARCHAR(20), teu VARCHAR(20), captain VARCHAR(100), chief_engineer VARCHAR(100),
          safety_supervisor VARCHAR(50), ops_supervisor VARCHAR(50), psc_mou_1 VARCHAR(50), psc_date_1 VARCHAR(30),
          psc_mou_2 VARCHAR(50), psc_date_2 VARCHAR(30), last_port VARCHAR(100), last_etd VARCHAR(30),
          next_port VARCHAR(100), next_eta VARCHAR(30), next_etb VARCHAR(30), next_etd VARCHAR(30),
          itinerary TEXT, updated_at DATETIME, PRIMARY KEY (id), FOREIGN KEY(vessel_id) REFERENCES vessel (id));
        """;

    public const string MarkupName = "<b>현대 드림</b> & Co";

    /// <summary>Old users: (id, username, password, role, hash); ids have gaps, both hash formats, a stray 'user' role.</summary>
    public static readonly (long Id, string Username, string Password, string Role, string Hash)[] Users =
    [
        (1, "captain_kim", WerkzeugVectors.Pbkdf2260kPassword, "admin", WerkzeugVectors.Pbkdf2260kHash),
        (4, "viewer_lee", WerkzeugVectors.Pbkdf2600kPassword, "viewer", WerkzeugVectors.Pbkdf2600kHash),
        (7, "ops_park", WerkzeugVectors.ScryptViewerPassword, "user", WerkzeugVectors.ScryptViewerHash),
        (9, "admin", WerkzeugVectors.ScryptAdminPassword, "admin", WerkzeugVectors.ScryptAdminHash),
    ];

    public const string Rows = $"""
        INSERT INTO vessel VALUES (3, 'HYUNDAI AMBITION', 9321483, 'Container', '13000TEU', 'Marshall Islands');
        INSERT INTO vessel VALUES (21, '{MarkupName}', 9123451, 'Bulk', 'Capesize', '대한민국');
        INSERT INTO vessel VALUES (22, 'H/  GLORY', 9398280, 'Tanker', 'VLCC', 'Panama');
        INSERT INTO vessel VALUES (30, 'hyundai   glory', 123456, 'PCTC', '6500 units', 'Liberia');
        INSERT INTO vessel_detail VALUES (2, 3, 'HAMB01', 'KR', 'KR', '2008', 'TEAM-A', 'Korean');
        INSERT INTO vessel_detail VALUES (5, 21, 'HDRM', 'LR', 'ABS', NULL, '<script>alert(1)</script>', '한국인/필리핀');
        INSERT INTO vessel_detail VALUES (9, 30, 'HGL30', 'DNV', 'DNV', '2015', 'TEAM-B', 'Mixed');
        INSERT INTO voyage_info VALUES (2, 3, 'Hyundai Ambition', '012E', 'AEX', '13,000', 'Capt. Kim', 'C/E Lee',
          'S. Park', 'O. Choi', 'Tokyo MOU', '2025-11-03', 'Paris MOU', '2024-06-10', 'BUSAN', '2026-02-19 18:00',
          'SINGAPORE', '2026-02-24 06:00', '2026-02-24 08:00', '2026-02-25 20:00', 'BUSAN - SINGAPORE - ROTTERDAM',
          '2026-02-20 01:02:03.456789');
        INSERT INTO voyage_info (id, vessel_id, vessel_name, voy_no, updated_at) VALUES (5, NULL, 'H/ Glory', '7W', '2026-02-21 10:00:00');
        INSERT INTO voyage_info (id, vessel_id, vessel_name, voy_no, updated_at) VALUES (6, 21, 'UNKNOWN SHIP', '1A', '2026-02-21 10:00:00');
        INSERT INTO voyage_info (id, vessel_id, vessel_name, itinerary, updated_at) VALUES (8, 21, '{MarkupName}', '부산 → 광양 <i>예정</i>', NULL);
        """;

    /// <summary>Writes the standard old fleet to <paramref name="path"/>.</summary>
    public static void Create(string path) => Create(path, Rows);

    public static void Create(string path, string rows, string schema = Schema)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Foreign Keys=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = schema;
        command.ExecuteNonQuery();
        foreach (var user in Users)
        {
            command.CommandText = "INSERT INTO user VALUES ($id, $username, $password, $role)";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", user.Id);
            command.Parameters.AddWithValue("$username", user.Username);
            command.Parameters.AddWithValue("$password", user.Hash);
            command.Parameters.AddWithValue("$role", user.Role);
            command.ExecuteNonQuery();
        }
        command.Parameters.Clear();
        command.CommandText = rows;
        command.ExecuteNonQuery();
    }

    public static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
