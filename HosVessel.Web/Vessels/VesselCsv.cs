using System.Runtime.CompilerServices;
using System.Text;
using nietras.SeparatedValues;

namespace HosVessel.Web.Vessels;

/// <summary>
/// The register as CSV, read and written with Sep: UTF-8 with a BOM so Excel shows Korean, a header of the
/// snake_case keys, and RFC 4180 quoting. The importer reads the same format back.
/// A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a CR) is written with a
/// leading <c>'</c>, which Excel shows as text; <see cref="Unguard"/> takes it off again on import.
/// </summary>
public static class VesselCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: true);

    public static IReadOnlyList<string> Header { get; } = ["id", .. VesselFieldTable.All.Select(f => f.Key)];

    public static async Task WriteAsync(Stream stream, IEnumerable<Vessel> vessels, CancellationToken cancellationToken = default)
    {
        // RFC 4180 (and Excel) line ends, on every platform.
        await using var text = new StreamWriter(stream, Encoding, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        // The header is written even for an empty list (Sep writes it with the first row only).
        await text.WriteAsync(string.Join(',', Header) + "\r\n");
        // Async rows and disposal: a response body refuses synchronous writes.
        await using (var writer = Sep.New(',').Writer(options => options with { Escape = true, WriteHeader = false }).To(text))
        {
            foreach (var vessel in vessels)
            {
                await using var row = writer.NewRow(cancellationToken);
                row[Header[0]].Format(vessel.Id);
                foreach (var field in VesselFieldTable.All)
                {
                    row[field.Key].Set(Guard(field.Get(vessel)) ?? "");
                }
            }
        }
        await text.FlushAsync(cancellationToken);
    }

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

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

    /// <summary>Reads CSV records as it goes (blank lines left out), each with the 1-based line it starts on.</summary>
    public static async IAsyncEnumerable<(int Line, List<string> Cells)> ReadAsync(TextReader text, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Quotes are taken off here rather than by Sep, so a quote opened and never closed is named, not swallowed.
        using var reader = await Sep.New(',').Reader(options => options with { HasHeader = false, DisableColCountCheck = true }).FromAsync(text, cancellationToken);
        await foreach (var row in reader)
        {
            var record = Record(row);
            if (record.Cells is not [""])
            {
                yield return record;
            }
        }
    }

    private static (int Line, List<string> Cells) Record(SepReader.Row row)
    {
        var cells = new List<string>(row.ColCount);
        for (var i = 0; i < row.ColCount; i++)
        {
            cells.Add(Unquote(row[i].Span, row.LineNumberFrom));
        }
        return (row.LineNumberFrom, cells);
    }

    private static string Unquote(ReadOnlySpan<char> cell, int line)
    {
        if (cell.IsEmpty || cell[0] != '"')
        {
            return cell.ToString();
        }
        if (cell.Length < 2 || cell[^1] != '"')
        {
            throw new FormatException($"{line}행에서 시작한 따옴표(\")가 닫히지 않았습니다.");
        }
        return cell[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
    }
}
