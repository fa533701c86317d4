using System.Globalization;
using HosVessel.Web.Accounts;
using HosVessel.Web.Vessels;

namespace HosVessel.Web.Legacy;

/// <summary>
/// Turns legacy rows into rows of our schema, applying our rules and recording every problem in the summary.
/// Pure: it touches no database, so the command's dry run and the real import share it.
/// </summary>
public sealed class LegacyImportPlan
{
    private static readonly string[] UpdatedAtFormats =
        ["yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    public required IReadOnlyList<UserRow> Users { get; init; }
    /// <summary>The register rows to insert as they are (the old ids kept), in the register's own shape.</summary>
    public required IReadOnlyList<Vessel> Vessels { get; init; }
    public required IReadOnlyList<VoyageRow> Voyages { get; init; }
    public required LegacyImportSummary Summary { get; init; }

    public bool HasAdmin => Users.Any(u => u.Role == Roles.Admin);

    public sealed record UserRow(long LegacyId, string Username, string PasswordHash, string Role);

    public sealed record VoyageRow(long Id, string VesselKey, string VesselName, IReadOnlyList<string?> Fields, string UpdatedAt);

    public static LegacyImportPlan Create(LegacyData data, string source, DateTimeOffset now)
    {
        var summary = new LegacyImportSummary(source)
        {
            UsersRead = data.Users.Count, VesselsRead = data.Vessels.Count,
            DetailsRead = data.Details.Count, VoyagesRead = data.Voyages.Count,
        };
        var users = PlanUsers(data.Users, summary);
        var vessels = PlanVessels(data.Vessels, data.Details, now.ToString("O", CultureInfo.InvariantCulture), summary);
        var voyages = PlanVoyages(data.Voyages, data.Vessels, vessels, now, summary);
        return new LegacyImportPlan { Users = users, Vessels = vessels, Voyages = voyages, Summary = summary };
    }

    private static List<UserRow> PlanUsers(IReadOnlyList<LegacyUser> legacy, LegacyImportSummary summary)
    {
        var rows = new List<UserRow>();
        var taken = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in legacy)
        {
            var username = user.Username?.Trim() ?? "";
            if (username.Length == 0)
            {
                summary.Skip("user", user.Id, "empty username");
                continue;
            }
            if (!taken.TryAdd(username, user.Id))
            {
                summary.Skip("user", user.Id, $"username '{username}' is the same as user #{taken[username]}'s (usernames ignore case now)");
                continue;
            }
            if (username != user.Username)
            {
                summary.Flag("user", user.Id, $"username '{user.Username}' had spaces around it; imported as '{username}'");
            }
            var role = user.Role?.Trim().ToLowerInvariant() switch
            {
                Roles.Admin => Roles.Admin,
                _ => Roles.Viewer,
            };
            if (user.Role != role)
            {
                summary.Flag("user", user.Id, $"role '{user.Role}' is not admin or viewer; imported as {role}");
            }
            if (!WerkzeugPasswordHash.IsSupported(user.Password))
            {
                summary.Flag("user", user.Id, $"'{username}' has a password hash in an unknown format; an admin must set a new password");
            }
            rows.Add(new UserRow(user.Id, username, user.Password ?? "", role));
        }
        summary.UsersImported = rows.Count;
        if (rows.Count > 0 && !rows.Any(r => r.Role == Roles.Admin))
        {
            summary.Flag("user", 0, "none of the old users is an admin");
        }
        return rows;
    }

    private static List<Vessel> PlanVessels(
        IReadOnlyList<LegacyVessel> legacy, IReadOnlyList<LegacyVesselDetail> details, string createdAt, LegacyImportSummary summary)
    {
        var vesselIds = legacy.Select(v => v.Id).ToHashSet();
        var detailByVessel = new Dictionary<long, LegacyVesselDetail>();
        foreach (var detail in details)
        {
            if (detail.VesselId is not { } vesselId || !vesselIds.Contains(vesselId))
            {
                summary.Skip("vessel_detail", detail.Id, $"its vessel #{detail.VesselId} does not exist");
                continue;
            }
            // The old app showed one detail per vessel; the newest row is the one last edited.
            if (detailByVessel.TryGetValue(vesselId, out var older))
            {
                summary.Skip("vessel_detail", older.Id, $"vessel #{vesselId} has a newer detail row #{detail.Id}, which was kept");
            }
            detailByVessel[vesselId] = detail;
        }

        var rows = new List<Vessel>();
        var imoTaken = new Dictionary<string, long>(StringComparer.Ordinal);
        var nameKeyTaken = new Dictionary<string, long>(StringComparer.Ordinal);
        var shipCodeTaken = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var vessel in legacy)
        {
            var imo = LegacyImo.Normalise(vessel.ImoNumber, out var imoProblem);
            if (!imoTaken.TryAdd(imo, vessel.Id))
            {
                summary.Skip("vessel", vessel.Id, $"IMO '{imo}' is the same as vessel #{imoTaken[imo]}'s");
                if (detailByVessel.Remove(vessel.Id, out var dropped))
                {
                    summary.Skip("vessel_detail", dropped.Id, $"its vessel #{vessel.Id} was skipped");
                }
                continue;
            }
            if (imoProblem is not null)
            {
                summary.Flag("vessel", vessel.Id, imoProblem);
            }
            var name = vessel.Name ?? "";
            var nameKey = VesselName.Normalise(name);
            if (nameKey.Length > 0 && !nameKeyTaken.TryAdd(nameKey, vessel.Id))
            {
                summary.Flag("vessel", vessel.Id, $"name '{name}' is the same ship name as vessel #{nameKeyTaken[nameKey]}'s");
            }
            var shipType = Required(vessel.ShipType, "ship_type", vessel.Id, summary);
            var size = Required(vessel.ShipSize, "ship_size", vessel.Id, summary);
            var flag = Required(vessel.Flag, "flag", vessel.Id, summary);
            Required(name, "name", vessel.Id, summary);

            if (!detailByVessel.TryGetValue(vessel.Id, out var detail))
            {
                summary.VesselsWithoutDetail++;
                summary.Flag("vessel", vessel.Id, "has no vessel_detail row: ship code, RO, class, TIC and crew are empty until the vessel is edited");
                rows.Add(new Vessel
                {
                    Id = vessel.Id, NameKey = nameKey, CreatedAt = createdAt, UpdatedAt = createdAt,
                    Name = name, ImoNo = imo, ShipType = shipType, Size = size, Flag = flag,
                });
                continue;
            }
            var shipCode = Optional(detail.ShipCode, "ship_code", vessel.Id, summary);
            if (shipCode is not null && !shipCodeTaken.TryAdd(shipCode, vessel.Id))
            {
                summary.Flag("vessel", vessel.Id, $"ship code '{shipCode}' is already vessel #{shipCodeTaken[shipCode]}'s; left empty");
                shipCode = null;
            }
            rows.Add(new Vessel
            {
                Id = vessel.Id, NameKey = nameKey, CreatedAt = createdAt, UpdatedAt = createdAt,
                Name = name, ImoNo = imo, ShipCode = shipCode, ShipType = shipType, Size = size, Flag = flag,
                Ro = Optional(detail.VesselRo, "vessel_ro", vessel.Id, summary),
                Class = Optional(detail.VesselClass, "vessel_class", vessel.Id, summary),
                BuiltYear = string.IsNullOrWhiteSpace(detail.BuiltYear) ? null : detail.BuiltYear,
                Tic = Optional(detail.Team, "team", vessel.Id, summary),
                Crew = Optional(detail.Crew, "crew", vessel.Id, summary),
            });
        }
        summary.VesselsImported = rows.Count;
        summary.DetailsImported = detailByVessel.Count;
        return rows;
    }

    private static List<VoyageRow> PlanVoyages(
        IReadOnlyList<LegacyVoyage> legacy, IReadOnlyList<LegacyVessel> legacyVessels, List<Vessel> vessels,
        DateTimeOffset now, LegacyImportSummary summary)
    {
        var vesselIdByKey = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var vessel in vessels.Where(v => v.NameKey.Length > 0))
        {
            vesselIdByKey.TryAdd(vessel.NameKey, vessel.Id);
        }
        var legacyVesselById = legacyVessels.ToDictionary(v => v.Id);

        var byKey = new Dictionary<string, (VoyageRow Row, DateTimeOffset When)>(StringComparer.Ordinal);
        foreach (var voyage in legacy)
        {
            var key = VesselName.Normalise(voyage.VesselName);
            if (key.Length == 0)
            {
                summary.Skip("voyage_info", voyage.Id, "vessel_name is empty");
                continue;
            }
            var when = ParseUpdatedAt(voyage.UpdatedAt);
            if (when is null)
            {
                var problem = voyage.UpdatedAt is null ? "updated_at is missing" : $"updated_at '{voyage.UpdatedAt}' is unreadable";
                summary.Flag("voyage_info", voyage.Id, problem + "; set to the import time");
            }
            var row = new VoyageRow(voyage.Id, key, voyage.VesselName!, voyage.Fields, (when ?? now).ToString("O", CultureInfo.InvariantCulture));
            // Our feed keeps one row per ship; of several old rows the newest wins and the others are listed.
            if (byKey.TryGetValue(key, out var existing))
            {
                var keepNew = (when ?? DateTimeOffset.MinValue) >= existing.When;
                var (kept, dropped) = keepNew ? (row, existing.Row) : (existing.Row, row);
                summary.Skip("voyage_info", dropped.Id, $"voyage #{kept.Id} is for the same ship ({key}) and newer; it was kept");
                if (!keepNew)
                {
                    continue;
                }
            }
            byKey[key] = (row, when ?? DateTimeOffset.MinValue);

            var linkedId = vesselIdByKey.TryGetValue(key, out var id) ? id : (long?)null;
            var oldVessel = voyage.VesselId is { } pointedId ? legacyVesselById.GetValueOrDefault(pointedId) : null;
            if (voyage.VesselId is { } oldId && (oldVessel is null || VesselName.Normalise(oldVessel.Name) != key))
            {
                var oldName = oldVessel is null ? "a vessel that does not exist" : $"'{oldVessel.Name}'";
                var linkNow = linkedId is null ? "it is now unlinked" : $"it now links to vessel #{linkedId} by name";
                summary.Flag("voyage_info", voyage.Id, $"vessel_id #{oldId} pointed to {oldName}, but the voyage is for '{voyage.VesselName}'; {linkNow}");
            }
            else if (linkedId is null)
            {
                summary.Flag("voyage_info", voyage.Id, $"no vessel is named '{voyage.VesselName}'; shown without a register link");
            }
        }
        var rows = byKey.Values.Select(v => v.Row).OrderBy(r => r.Id).ToList();
        summary.VoyagesImported = rows.Count;
        summary.VoyagesLinked = rows.Count(r => vesselIdByKey.ContainsKey(r.VesselKey));
        return rows;
    }

    private static DateTimeOffset? ParseUpdatedAt(string? text) =>
        text is not null && DateTime.TryParseExact(text.Trim(), UpdatedAtFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? new DateTimeOffset(parsed, TimeSpan.Zero)
            : null;

    private static string Required(string? value, string column, long id, LegacyImportSummary summary)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            summary.Flag("vessel", id, $"required field {column} is empty");
        }
        return value ?? "";
    }

    private static string? Optional(string? value, string column, long id, LegacyImportSummary summary)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            summary.Flag("vessel", id, $"required detail field {column} is empty");
            return null;
        }
        return value;
    }
}
