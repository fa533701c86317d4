using System.Globalization;
using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Vessels;

/// <summary>Development only: fills an empty register with invented vessels so the AppHost shows a living app.</summary>
public sealed class DevelopmentVesselSeeder(Database database, VesselStore store, ILogger<DevelopmentVesselSeeder> logger)
    : IDatabaseInitializer
{
    public int Order => 30;

    private static readonly string[] Names =
    [
        "HOS AURORA", "HOS BADA", "HOS CORAL", "HOS DAWN", "HOS EVERGLOW", "HOS FORTUNA", "HOS GARAM", "HOS HARMONY",
        "HOS IRIS", "HOS JADE", "HOS KOMPASS", "HOS LUMEN", "HOS MIRAE", "HOS NURI", "HOS ORION", "HOS PEARL",
        "HOS QUARTZ", "HOS RAON", "HOS SAEBYEOK", "HOS TIDE", "HOS UNISON", "HOS VEGA", "HOS WINDWARD", "HOS XENIA",
        "HOS YEOUL", "HOS ZENITH", "한바다 1호", "푸른별", "새누리", "은하수",
    ];

    private static readonly (string Type, string Size)[] Types =
    [
        ("CNTR", "24K"), ("CNTR", "4.6K"), ("TNKR", "VLCC"), ("BULK", "180K"), ("LNGC", "174K"), ("LPGC", "84K"), ("PCTC", "7K"), ("MPV", "12K"),
    ];

    private static readonly string[] Flags = ["KOR", "LIB", "MAR", "PAN"];
    private static readonly string[] Classes = ["KR", "DNV", "DNV/KR", "LR", "ABS/KR"];
    private static readonly string[] Teams = ["CT1", "CT2", "LBT", "TK1"];
    private static readonly string[] Yards = ["HHI", "한화", "삼성", "HMD"];
    private static readonly string[] Finances = ["국적선", "BBCHP", "BBC"];

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM vessels") > 0)
            {
                return;
            }
        }
        foreach (var fields in Fleet())
        {
            await store.CreateAsync(fields, cancellationToken);
        }
        logger.LogInformation("Seeded {Count} fictional vessels into the empty development register", Names.Length);
    }

    public static IEnumerable<VesselFields> Fleet() => Names.Select((name, i) =>
    {
        var (type, size) = Types[i % Types.Length];
        var firstSix = (930_101 + i * 1_913).ToString(CultureInfo.InvariantCulture);
        return new VesselFields
        {
            Name = name,
            ImoNo = firstSix + ImoNumber.CheckDigit(firstSix),
            ShipCode = "HS" + (char)('A' + i % 26) + (char)('A' + i / 26 * 7 + i % 5),
            ShipType = type,
            Size = size,
            Flag = Flags[i % Flags.Length],
            Ro = i % 3 == 0 ? "DNV" : "KR",
            Class = Classes[i % Classes.Length],
            BuiltYear = i % 4 == 0 ? (2008 + i % 15).ToString(CultureInfo.InvariantCulture) : $"{2008 + i % 15}-{1 + i % 12:00}",
            Shipyard = Yards[i % Yards.Length],
            Finance = Finances[i % Finances.Length],
            Tic = Teams[i % Teams.Length],
            Crew = "CM" + (1 + i % 3),
            Callsign = i % 5 == 4 ? null : "D7" + (char)('A' + i % 26) + (char)('K' + i % 10),
            InternalAudit = i % 3 == 2 ? null : $"2025-{1 + i % 12:00}-{1 + i % 28:00}",
        };
    });
}
