using System.Text;

namespace HosVessel.Web.Exports;

/// <summary>One column of an export: its Korean header and how a row gives its cell.</summary>
public sealed record CsvColumn<T>(string Header, Func<T, string?> Value);

/// <summary>
/// The lists as CSV downloads: UTF-8 with a BOM so Excel shows Korean, a header row of Korean labels, RFC 4180
/// quoting and CRLF line ends. A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a CR)
/// is written with a leading <c>'</c>, which Excel shows as text; <see cref="Unguard"/> takes it off again on import.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: true);

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>
    /// Answers with <paramref name="rows"/> as an attachment named <paramref name="koreanName"/> and today's Korean date
    /// (<paramref name="asciiName"/> for clients that cannot read a UTF-8 file name). Never cached: it is register data.
    /// </summary>
    public static async Task DownloadAsync<T>(
        HttpResponse response, string asciiName, string koreanName, TimeProvider clock,
        IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentDisposition =
            $"attachment; filename=\"{asciiName}.csv\"; filename*=UTF-8''{Uri.EscapeDataString($"{koreanName}-{KoreanTime.Now(clock):yyyyMMdd}.csv")}";
        await WriteAsync(response.Body, columns, rows, cancellationToken);
    }

    public static async Task WriteAsync<T>(Stream stream, IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        // Async writes and disposal: a response body refuses synchronous writes.
        await using var text = new StreamWriter(stream, Encoding, bufferSize: 64 * 1024, leaveOpen: true);
        await text.WriteAsync(Line(columns.Select(column => column.Header)).AsMemory(), cancellationToken);
        foreach (var row in rows)
        {
            await text.WriteAsync(Line(columns.Select(column => Guard(column.Value(row)))).AsMemory(), cancellationToken);
        }
        await text.FlushAsync(cancellationToken);
    }

    /// <summary>The cell as written: prefixed with <c>'</c> when a spreadsheet would take it for a formula.</summary>
    public static string? Guard(string? value) =>
        value is { Length: > 0 } && (Array.IndexOf(FormulaStarts, value[0]) >= 0 || IsGuarded(value)) ? "'" + value : value;

    /// <summary>The value behind a cell <see cref="Guard"/> wrote; any other cell is returned as it is.</summary>
    public static string Unguard(string cell) => IsGuarded(cell) ? cell[1..] : cell;

    // A value that itself starts with ' before a formula character is guarded too, so the round trip is exact.
    private static bool IsGuarded(string value)
    {
        var quotes = value.AsSpan().IndexOfAnyExcept('\'');
        return quotes > 0 && Array.IndexOf(FormulaStarts, value[quotes]) >= 0;
    }

    private static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Quoted)) + "\r\n";

    private static string Quoted(string? cell) =>
        cell is null ? "" : cell.IndexOfAny(NeedsQuotes) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
