using System.Globalization;
using Dapper;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;

namespace HosVessel.Web.Codes;

/// <summary>One code of one kind: its name (null until an admin names it) and how many ships use it now.</summary>
public sealed record CodeEntry(CodeKind Kind, string Code, string? Name, int Ships)
{
    public bool NeedsName => Name is null && Ships > 0;
}

/// <summary>Every code named or in use, by kind in code order; the codes in use without a name first, for /codes.</summary>
public sealed record CodeOverview(IReadOnlyList<CodeEntry> Entries)
{
    public IReadOnlyList<CodeEntry> Of(CodeKind kind) => [.. Entries.Where(entry => entry.Kind == kind)];

    public IReadOnlyList<CodeEntry> Unnamed => [.. Entries.Where(entry => entry.NeedsName)];
}

/// <summary>The outcome of naming a code: the messages by form field, or the name it had before (null when new).</summary>
public sealed record CodeSaveResult(IReadOnlyDictionary<string, string> Errors, CodeKindInfo? Kind, string Code, string Name, string? PreviousName)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Reads and writes <c>code_names</c> (its only writer). The names are read once into a <see cref="CodeNameBook"/>
/// and kept until a write here changes them: codes change rarely, and every list page names each row's codes.
/// </summary>
public sealed class CodeStore(Database database, TimeProvider clock)
{
    private Snapshot? current;
    private long generation;

    public async ValueTask<CodeNameBook> NamesAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref current) is { } cached && cached.Generation == Volatile.Read(ref generation))
        {
            return cached.Book;
        }
        // Taken before the read: a name saved meanwhile leaves this snapshot stale, so it is never used.
        var readGeneration = Volatile.Read(ref generation);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kind, string Code, string Name)>("SELECT kind, code, name FROM code_names");
        var names = new Dictionary<(CodeKind, string), string>();
        foreach (var row in rows)
        {
            if (CodeKinds.Find(row.Kind) is { } kind)
            {
                names[(kind.Kind, row.Code)] = row.Name;
            }
        }
        var book = new CodeNameBook(names);
        Volatile.Write(ref current, new Snapshot(book, readGeneration));
        return book;
    }

    /// <summary>Every named code plus every code the register or the feed uses, with the number of ships using it.</summary>
    public async Task<CodeOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        var book = await NamesAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var named = await connection.QueryAsync<(string Kind, string Code)>("SELECT kind, code FROM code_names");
        var entries = new List<CodeEntry>();
        foreach (var kind in CodeKinds.All)
        {
            var ships = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (value, count) in await connection.QueryAsync<(string Code, int Ships)>(kind.UsageSql))
            {
                foreach (var code in CodeKinds.Parts(kind.Kind, value))
                {
                    ships[code] = ships.GetValueOrDefault(code) + count;
                }
            }
            var codes = named.Where(row => row.Kind == kind.Key).Select(row => row.Code).Union(ships.Keys).Order(StringComparer.Ordinal);
            entries.AddRange(codes.Select(code => new CodeEntry(kind.Kind, code, book.NameOf(kind.Kind, code), ships.GetValueOrDefault(code))));
        }
        return new CodeOverview(entries);
    }

    /// <summary>
    /// The codes among <paramref name="values"/> that have no name and no other ship (just saved, so new to the fleet):
    /// the admin who typed them is told they await a name on /codes, as "국적 QXX".
    /// </summary>
    public async Task<IReadOnlyList<string>> NewUnnamedAsync(VesselFields fields, CancellationToken cancellationToken = default)
    {
        var values = VesselFieldTable.All.Where(field => field.Codes is not null).Select(field => (Kind: field.Codes!.Value, Value: field.Get(fields)));
        var overview = await OverviewAsync(cancellationToken);
        return [.. values.SelectMany(value => CodeKinds.Parts(value.Kind, value.Value).Select(code => (value.Kind, Code: code)))
            .Where(value => overview.Entries.Any(entry => entry.Kind == value.Kind && entry.Code == value.Code && entry.Name is null && entry.Ships <= 1))
            .Select(value => $"{CodeKinds.Of(value.Kind).Title} {value.Code}").Distinct()];
    }

    /// <summary>Names a code (new or already named); refused input changes nothing.</summary>
    public async Task<CodeSaveResult> SaveAsync(CodeInput input, CancellationToken cancellationToken = default)
    {
        var errors = CodeRules.Validate(input, out var kind, out var code, out var name);
        if (errors.Count > 0)
        {
            return new CodeSaveResult(errors, kind, code, name, null);
        }
        var previous = await database.WriteAsync(async write =>
        {
            var parameters = new { kind = kind!.Key, code, name, now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) };
            var old = await write.Connection.QuerySingleOrDefaultAsync<string?>(
                "SELECT name FROM code_names WHERE kind = @kind AND code = @code", parameters, write.Transaction);
            await write.Connection.ExecuteAsync("""
                INSERT INTO code_names (kind, code, name, updated_at) VALUES (@kind, @code, @name, @now)
                ON CONFLICT (kind, code) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
                """, parameters, write.Transaction);
            return old;
        }, cancellationToken);
        Interlocked.Increment(ref generation);
        return new CodeSaveResult(errors, kind, code, name, previous);
    }

    /// <summary>Removes a code's name; a code still in use shows as unnamed again. False when it had no name.</summary>
    public async Task<bool> DeleteAsync(CodeKind kind, string code, CancellationToken cancellationToken = default)
    {
        var deleted = await database.WriteAsync(write => write.Connection.ExecuteAsync(
            "DELETE FROM code_names WHERE kind = @kind AND code = @code",
            new { kind = CodeKinds.Of(kind).Key, code = CodeKinds.Normalise(code) }, write.Transaction), cancellationToken);
        Interlocked.Increment(ref generation);
        return deleted > 0;
    }

    private sealed record Snapshot(CodeNameBook Book, long Generation);
}
