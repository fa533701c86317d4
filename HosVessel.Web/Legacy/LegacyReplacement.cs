using Dapper;
using HosVessel.Web.Accounts;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;

namespace HosVessel.Web.Legacy;

/// <summary>
/// <c>import-legacy --replace</c>: the app already made its own database (it was started before the old file
/// was in place), so that database is emptied, inside the import's transaction, after a backup beside it.
/// </summary>
internal static class LegacyReplacement
{
    /// <summary>What the database holds, in words, and whether that is only the first-start admin and its sessions.</summary>
    public static async Task<(string Content, bool OnlyBootstrapAdmin)> DescribeAsync(DatabaseWrite write)
    {
        var counts = await write.Connection.QuerySingleAsync<(long Users, long Admins, long Vessels, long Voyages, long Imported)>(
            """
            SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM users WHERE role = @admin),
                   (SELECT count(*) FROM vessels), (SELECT count(*) FROM voyages),
                   (SELECT count(*) FROM app_meta WHERE key = @imported)
            """, new { admin = Roles.Admin, imported = LegacyImporter.ImportedAtKey }, write.Transaction);
        var content = $"{counts.Users} user(s), {counts.Vessels} vessel(s), {counts.Voyages} voyage(s)" +
                      (counts.Imported > 0 ? " and an earlier import of the old app's data" : "");
        var onlyBootstrap = counts is { Users: <= 1, Vessels: 0, Voyages: 0, Imported: 0 } && counts.Users == counts.Admins;
        return (content, onlyBootstrap);
    }

    /// <summary>
    /// Empties the register, the voyages, the sessions and the import record, and the users the old ones replace.
    /// When the old data has no admin, the current admins stay (someone must be able to administer) and old
    /// users with their names are skipped. Returns the old users to insert.
    /// </summary>
    public static async Task<IReadOnlyList<LegacyImportPlan.UserRow>> ClearAsync(DatabaseWrite write, VesselWrites vessels, LegacyImportPlan plan)
    {
        var kept = (await UserStore.ClearForReplacementAsync(write, deleteAdmins: plan.HasAdmin)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        await VoyageWrites.DeleteAllAsync(write);
        await vessels.DeleteAllAsync();
        await AppMeta.DeleteAsync(write, LegacyImporter.ImportedAtKey, LegacyImporter.SourceKey, LegacyImporter.SummaryKey);
        if (plan.HasAdmin)
        {
            return plan.Users;
        }
        var users = new List<LegacyImportPlan.UserRow>();
        foreach (var user in plan.Users)
        {
            if (kept.Contains(user.Username))
            {
                plan.Summary.Skip("user", user.LegacyId, $"username '{user.Username}' is taken by an existing admin, kept because no old user is an admin");
                plan.Summary.UsersImported--;
                continue;
            }
            users.Add(user);
        }
        return users;
    }
}
