using System.Text;

namespace HosVessel.Web.Vessels;

/// <summary>
/// The register as CSV: UTF-8 with a BOM so Excel shows Korean, a header of the snake_case keys,
/// and RFC 4180 quoting. The importer reads the same format back.
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
        await using var writer = new StreamWriter(stream, Encoding, bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', Header) + "\r\n");
        foreach (var vessel in vessels)
        {
            var fields = vessel.ToFields();
            var line = new StringBuilder(vessel.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var field in VesselFieldTable.All)
            {
                line.Append(',').Append(Quote(Guard(field.Get(fields))));
            }
            await writer.WriteAsync(line.Append("\r\n"), cancellationToken);
        }
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

    private static string Quote(string? value) =>
        value is null ? "" :
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>Splits CSV text into records, each with the 1-based line it starts on.</summary>
    public static List<(int Line, List<string> Cells)> Parse(string text)
    {
        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i += 2;
                    continue;
                }
                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    AddRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    cell.Append(c);
                    break;
            }
            i++;
        }
        if (quoted)
        {
            throw new FormatException($"{recordLine}행에서 시작한 따옴표(\")가 닫히지 않았습니다.");
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            AddRecord();
        }
        return records;

        void AddRecord()
        {
            if (cells.Count > 1 || cells[0].Length > 0)
            {
                records.Add((recordLine, cells));
            }
            cells = [];
        }
    }
}
