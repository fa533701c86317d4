using System.Globalization;
using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Fleet;

/// <summary>
/// "내 선박": the supervisor name a user appears as in the feed and the team codes (register <c>tic</c> or
/// <c>crew</c>) that are theirs. Empty settings mean the user follows the whole fleet.
/// </summary>
public sealed record MyFleetSettings(string? SupervisorName, IReadOnlyList<string> TeamCodes)
{
    public static readonly MyFleetSettings None = new(null, []);

    public bool IsSet => !string.IsNullOrWhiteSpace(SupervisorName) || TeamCodes.Count > 0;

    public string TeamCodesText => string.Join(", ", TeamCodes);

    /// <summary>Team codes as typed ("ct1, LBT  TK1"), upper-cased, de-duplicated, in order.</summary>
    public static IReadOnlyList<string> ParseTeamCodes(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
        : [.. text.Split([',', ' ', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => code.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>A ship is mine when I supervise it (safety or operations) or it belongs to one of my teams.</summary>
    public bool Includes(FleetShip ship)
    {
        var name = SupervisorName?.Trim();
        if (!string.IsNullOrEmpty(name) && ship.Voyage is { } voyage
            && (Contains(voyage.SafetySupervisor, name) || Contains(voyage.OpsSupervisor, name)))
        {
            return true;
        }
        return ship.Register is { } vessel && IncludesTeams(TeamCode(vessel.Tic), TeamCode(vessel.Crew));
    }

    /// <summary>A register ship is mine by team when its <c>tic</c> or <c>crew</c> (as <see cref="TeamCode"/> reads them) is one of my codes.</summary>
    public bool IncludesTeams(string tic, string crew) => TeamCodes.Count > 0 && (TeamCodes.Contains(tic) || TeamCodes.Contains(crew));

    public static string TeamCode(string? value) => value?.Trim().ToUpperInvariant() ?? "";

    private static bool Contains(string? field, string name) => field?.Contains(name, StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>
/// Reads and writes <c>my_fleet_settings</c>, one row per user. A user's settings are read once and kept while this
/// process commits no write (any write: a save here, a user deleted, a legacy import) and for at most
/// <see cref="MaxAge"/>, so the home page does not query them on every request.
/// </summary>
public sealed class MyFleetStore(Database database, TimeProvider clock)
{
    public const int MaxLength = 100;

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly ReadCache<long, MyFleetSettings> cache = new(clock, MaxAge, maxEntries: 10_000);

    public ValueTask<MyFleetSettings> GetAsync(long userId, CancellationToken cancellationToken = default) =>
        cache.GetAsync(userId, ReadAsync, cancellationToken);

    private async Task<MyFleetSettings> ReadAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? Supervisor, string? Teams)>(
            "SELECT supervisor_name, team_codes FROM my_fleet_settings WHERE user_id = @userId", new { userId });
        return row == default ? MyFleetSettings.None : new MyFleetSettings(row.Supervisor, MyFleetSettings.ParseTeamCodes(row.Teams));
    }

    public Task SaveAsync(long userId, MyFleetSettings settings, CancellationToken cancellationToken = default) =>
        database.WriteAsync(write => write.Connection.ExecuteAsync("""
            INSERT INTO my_fleet_settings (user_id, supervisor_name, team_codes, updated_at) VALUES (@userId, @supervisor, @teams, @now)
            ON CONFLICT (user_id) DO UPDATE SET supervisor_name = excluded.supervisor_name, team_codes = excluded.team_codes,
                updated_at = excluded.updated_at
            """, new
        {
            userId,
            supervisor = string.IsNullOrWhiteSpace(settings.SupervisorName) ? null : settings.SupervisorName.Trim(),
            teams = settings.TeamCodes.Count == 0 ? null : settings.TeamCodesText,
            now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        }, write.Transaction), cancellationToken);
}
