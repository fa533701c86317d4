using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Accounts;

public sealed class UserStore(Database database, TimeProvider clock, SessionCache sessions)
{
    private const string Columns = "id, username, password_hash AS PasswordHash, role, security_stamp AS SecurityStamp, created_at AS CreatedAt";

    public async Task<User?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>(
            $"SELECT {Columns} FROM users WHERE username = @username", new { username = username.Trim() });
    }

    public async Task<User?> FindByIdAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<User>($"SELECT {Columns} FROM users WHERE id = @id", new { id });
    }

    /// <summary>A page of the users, by username.</summary>
    public async Task<PaginatedList<User>> SearchAsync(UserQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await PaginatedList<User>.CreateAsync(query.Page, UserQuery.PageSize,
            () => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users"),
            async (limit, offset) =>
                (await connection.QueryAsync<User>($"SELECT {Columns} FROM users ORDER BY username LIMIT @limit OFFSET @offset", new { limit, offset })).AsList());
    }

    /// <summary>Whether an admin other than <paramref name="userId"/> exists.</summary>
    public async Task<bool> HasOtherAdminAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM users WHERE role = @admin AND id <> @userId)", new { admin = Roles.Admin, userId });
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users");
    }

    public Task<long> CreateAsync(string username, string passwordHash, string role, CancellationToken cancellationToken = default) =>
        database.WriteAsync(write => write.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO users (username, password_hash, role, security_stamp, created_at)
            VALUES (@username, @passwordHash, @role, @stamp, @now) RETURNING id
            """,
            new { username = username.Trim(), passwordHash, role, stamp = NewStamp(), now = Now() }, write.Transaction), cancellationToken);

    /// <summary>Stores a new hash; <paramref name="endSessions"/> also signs the user out everywhere.</summary>
    public async Task SetPasswordHashAsync(long userId, string passwordHash, bool endSessions, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(async write =>
        {
            var (connection, transaction) = (write.Connection, write.Transaction);
            await connection.ExecuteAsync(
                "UPDATE users SET password_hash = @passwordHash WHERE id = @userId", new { userId, passwordHash }, transaction);
            if (endSessions)
            {
                await connection.ExecuteAsync("DELETE FROM user_sessions WHERE user_id = @userId", new { userId }, transaction);
            }
        }, cancellationToken);
        if (endSessions)
        {
            sessions.SessionsChanged();
        }
    }

    public async Task<string> StartSessionAsync(long userId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var sessionId = NewStamp();
        var now = clock.GetUtcNow();
        await database.WriteAsync(write => write.Connection.ExecuteAsync(
            "INSERT INTO user_sessions (id, user_id, created_at, expires_at) VALUES (@sessionId, @userId, @created, @expires)",
            new { sessionId, userId, created = now.ToString("O"), expires = (now + lifetime).ToString("O") }, write.Transaction), cancellationToken);
        return sessionId;
    }

    /// <summary>Moves a live session's deadline to <paramref name="expires"/> (an ended or expired one stays ended).</summary>
    public Task RenewSessionAsync(string sessionId, DateTimeOffset expires, CancellationToken cancellationToken = default) =>
        database.WriteAsync(write => write.Connection.ExecuteAsync(
            "UPDATE user_sessions SET expires_at = @expires WHERE id = @sessionId AND expires_at > @now",
            new { sessionId, expires = expires.ToString("O"), now = Now() }, write.Transaction), cancellationToken);

    /// <summary>The current role of the session's user, or null when the session has ended or expired.</summary>
    public async Task<string?> FindActiveSessionRoleAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(
            """
            SELECT u.role FROM user_sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = @sessionId AND s.expires_at > @now
            """,
            new { sessionId, now = Now() });
    }

    /// <summary>Stores a new hash and ends every session of the user except <paramref name="keepSessionId"/>.</summary>
    public async Task ChangePasswordAsync(long userId, string passwordHash, string keepSessionId, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(async write =>
        {
            var (connection, transaction) = (write.Connection, write.Transaction);
            await connection.ExecuteAsync(
                "UPDATE users SET password_hash = @passwordHash WHERE id = @userId", new { userId, passwordHash }, transaction);
            await connection.ExecuteAsync(
                "DELETE FROM user_sessions WHERE user_id = @userId AND id <> @keepSessionId", new { userId, keepSessionId }, transaction);
        }, cancellationToken);
        sessions.SessionsChanged();
    }

    // The admin check sits inside the single UPDATE/DELETE so two admins demoting each other at once cannot both win.
    public async Task<UserChange> ChangeRoleAsync(long userId, string role, CancellationToken cancellationToken = default) =>
        SessionsChangedIfDone(await database.WriteAsync(async write =>
        {
            var (connection, transaction) = (write.Connection, write.Transaction);
            var changed = await connection.ExecuteAsync(
                """
                UPDATE users SET role = @role
                WHERE id = @userId AND (@role = 'admin' OR EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND id <> @userId))
                """,
                new { userId, role }, transaction);
            return changed > 0 ? UserChange.Done : await WhyUnchangedAsync(write, userId);
        }, cancellationToken));

    public async Task<UserChange> DeleteAsync(long userId, CancellationToken cancellationToken = default) =>
        SessionsChangedIfDone(await database.WriteAsync(async write =>
        {
            var (connection, transaction) = (write.Connection, write.Transaction);
            await connection.ExecuteAsync("DELETE FROM user_sessions WHERE user_id = @userId", new { userId }, transaction);
            var deleted = await connection.ExecuteAsync(
                """
                DELETE FROM users
                WHERE id = @userId AND (role <> 'admin' OR EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND id <> @userId))
                """,
                new { userId }, transaction);
            if (deleted == 0)
            {
                write.Discard();
                return await WhyUnchangedAsync(write, userId);
            }
            return UserChange.Done;
        }, cancellationToken));

    // Cached sessions carry the role; any change to a user's role or existence must drop them.
    private UserChange SessionsChangedIfDone(UserChange outcome)
    {
        if (outcome == UserChange.Done)
        {
            sessions.SessionsChanged();
        }
        return outcome;
    }

    private static async Task<UserChange> WhyUnchangedAsync(DatabaseWrite write, long userId) =>
        await write.Connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM users WHERE id = @userId)", new { userId }, write.Transaction)
            ? UserChange.LastAdmin
            : UserChange.NotFound;

    public async Task<bool> IsSessionActiveAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM user_sessions WHERE id = @sessionId AND expires_at > @now)",
            new { sessionId, now = Now() });
    }

    public async Task EndSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(write => write.Connection.ExecuteAsync(
            "DELETE FROM user_sessions WHERE id = @sessionId OR expires_at <= @now", new { sessionId, now = Now() }, write.Transaction), cancellationToken);
        sessions.SessionsChanged();
    }

    /// <summary>The old app's users, inserted inside the legacy import's write (each gets a fresh security stamp).</summary>
    internal static Task InsertImportedAsync(DatabaseWrite write, IEnumerable<(string Username, string PasswordHash, string Role)> users, string createdAt) =>
        write.Connection.ExecuteAsync(
            """
            INSERT INTO users (username, password_hash, role, security_stamp, created_at)
            VALUES (@Username, @PasswordHash, @Role, @SecurityStamp, @CreatedAt)
            """,
            users.Select(u => new { u.Username, u.PasswordHash, u.Role, SecurityStamp = NewStamp(), CreatedAt = createdAt }),
            write.Transaction);

    /// <summary>The first-start admin the legacy import replaces (it has no sessions).</summary>
    internal static Task DeleteUnusedAsync(DatabaseWrite write, long userId) =>
        write.Connection.ExecuteAsync("DELETE FROM users WHERE id = @userId", new { userId }, write.Transaction);

    /// <summary>
    /// <c>import-legacy --replace</c>: every session ends and every user goes, except the admins when
    /// <paramref name="deleteAdmins"/> is false (someone must still be able to administer). Returns who stays.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> ClearForReplacementAsync(DatabaseWrite write, bool deleteAdmins)
    {
        await write.Connection.ExecuteAsync(
            """
            DELETE FROM user_sessions;
            DELETE FROM users WHERE @deleteAdmins OR role <> @admin;
            """, new { deleteAdmins, admin = Roles.Admin }, write.Transaction);
        return (await write.Connection.QueryAsync<string>("SELECT username FROM users", transaction: write.Transaction)).AsList();
    }

    private string Now() => clock.GetUtcNow().ToString("O");

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

public enum UserChange
{
    Done,
    NotFound,
    LastAdmin,
}
