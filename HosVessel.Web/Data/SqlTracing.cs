using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Data;

/// <summary>
/// One client span per SQL statement, under the span that ran it. The process times each statement itself,
/// from its first step until SQLite reports it finished (rows read, or the reader reset): SQLite's own
/// elapsed time has millisecond resolution, so fast statements would show as zero. Statements run outside
/// a recorded span (health checks, background work) get no span, and with no listener no hook is set at all.
/// Statements SQLite runs for itself (FTS5 reading its index for a MATCH, or its config when it first meets
/// a connection) are part of the app's statement, not spans of their own: a search would otherwise show thirty
/// 1 µs spans. They are told apart by running inside another statement, or by naming the schema as 'main'.
/// </summary>
public static unsafe partial class SqlTracing
{
    public const string SourceName = "HosVessel.Sqlite";

    public static readonly ActivitySource Source = new(SourceName);

    private const uint TraceStatement = 0x01; // SQLITE_TRACE_STMT: a statement starts running (text not expanded)
    private const uint TraceProfile = 0x02; // SQLITE_TRACE_PROFILE: the statement finished or was reset
    private const int MaxOpenStatements = 1_000;

    // The provider re-sends this on every pooled open; a span for it would bury the real queries.
    private static ReadOnlySpan<byte> PoolPragma => "PRAGMA foreign_keys"u8;

    // How virtual-table modules address their shadow tables ('main'.'vessel_search_data'); the app never writes it.
    private static ReadOnlySpan<byte> ModuleSchema => "'main'."u8;

    private static readonly ConcurrentDictionary<nint, (long Started, ActivityContext Parent)> Running = new();

    // Connection handle → the traced statement running on it; a start while one runs is a nested statement.
    private static readonly ConcurrentDictionary<nint, nint> RunningOn = new();

    /// <summary>Hooks the connection's statements; the hook stays with the pooled native handle.</summary>
    public static void Attach(SqliteConnection connection)
    {
        if (Source.HasListeners())
        {
            var db = connection.Handle!.DangerousGetHandle();
            _ = TraceV2(db, TraceStatement | TraceProfile, &OnTrace, db);
        }
    }

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_trace_v2")]
    private static partial int TraceV2(nint db, uint mask, delegate* unmanaged[Cdecl]<uint, nint, nint, nint, int> callback, nint context);

    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_sql")]
    private static partial nint StatementText(nint statement);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnTrace(uint kind, nint context, nint statement, nint detail)
    {
        // An exception must not unwind into SQLite; a lost span is the worst outcome here.
        try
        {
            if (kind == TraceStatement)
            {
                OnStarted(context, statement, detail);
            }
            else if (kind == TraceProfile && Running.TryRemove(statement, out var run))
            {
                RunningOn.TryRemove(KeyValuePair.Create(context, statement));
                OnFinished(statement, run.Started, run.Parent);
            }
        }
        catch (Exception exception)
        {
            Debug.Fail(exception.ToString());
        }
        return 0;
    }

    private static void OnStarted(nint db, nint statement, nint text)
    {
        if (Activity.Current is not { Recorded: true } parent)
        {
            return;
        }
        var sql = MemoryMarshal.CreateReadOnlySpanFromNullTerminated((byte*)text);
        if (sql.StartsWith(PoolPragma) || sql.IndexOf(ModuleSchema) >= 0)
        {
            return;
        }
        if (Running.Count > MaxOpenStatements)
        {
            // Statements whose end was never reported: never expected, but the maps must not grow.
            Running.Clear();
            RunningOn.Clear();
        }
        // A trigger program reports a start for the same statement, an FTS5 lookup one for a statement of its own.
        if (RunningOn.TryAdd(db, statement))
        {
            Running[statement] = (Stopwatch.GetTimestamp(), parent.Context);
        }
    }

    private static void OnFinished(nint statement, long started, ActivityContext parent)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        var sql = Marshal.PtrToStringUTF8(StatementText(statement)) ?? "";
        var end = DateTimeOffset.UtcNow;
        var current = Activity.Current;
        using (var activity = Source.StartActivity(SpanName(sql), ActivityKind.Client, parent, startTime: end - elapsed))
        {
            activity?.SetTag("db.system.name", "sqlite");
            activity?.SetTag("db.query.text", sql);
            activity?.SetEndTime(end.UtcDateTime);
        }
        // Stopping a span started from a context sets Current to null; the request's span must stay current.
        Activity.Current = current;
    }

    private static string SpanName(string statement)
    {
        var trimmed = statement.AsSpan().TrimStart();
        var space = trimmed.IndexOfAny(' ', '\n');
        var verb = space > 0 ? trimmed[..space] : trimmed;
        return $"{verb.ToString().ToUpperInvariant()} sqlite";
    }
}
