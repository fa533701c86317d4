using System.Globalization;
using System.Runtime.CompilerServices;
using HosVessel.Web.Exports;
using nietras.SeparatedValues;

namespace HosVessel.Web.Vessels;

/// <summary>
/// The register as CSV: written by <see cref="CsvExport"/> with the field table's Korean labels as its header, read
/// back (with Sep) by the importer, which takes either those labels or the snake_case keys the older files have.
/// </summary>
public static class VesselCsv
{
    /// <summary>The database id's column: written for reference, ignored on import (the IMO number is the key).</summary>
    public const string IdHeader = "ID";

    public static IReadOnlyList<CsvColumn<Vessel>> Columns { get; } =
    [
        new(IdHeader, vessel => vessel.Id.ToString(CultureInfo.InvariantCulture)),
        .. VesselFieldTable.All.Select(field => new CsvColumn<Vessel>(field.Label, vessel => field.Get(vessel))),
    ];

    public static Task WriteAsync(Stream stream, IEnumerable<Vessel> vessels, CancellationToken cancellationToken = default) =>
        CsvExport.WriteAsync(stream, Columns, vessels, cancellationToken);

    /// <summary>
    /// The field each header cell names (null for the id and blank cells), by Korean label or snake_case key, in any
    /// mix. A cell naming nothing, or a field named twice, is refused by name: its column would otherwise be dropped.
    /// </summary>
    public static List<VesselField?> ReadHeader(IReadOnlyList<string> cells)
    {
        var fields = cells.Select(cell => FindColumn(cell.Trim())).ToList();
        if (!fields.Any(f => f is not null))
        {
            throw NoHeader();
        }
        var unknown = cells.Where((cell, i) => fields[i] is null && !IsIgnored(cell.Trim())).Select(cell => $"'{cell.Trim()}'").ToList();
        if (unknown.Count > 0)
        {
            throw new ImportFormatException(
                $"CSV 머리글의 {KoreanText.AsObject(string.Join(", ", unknown))} 알 수 없습니다. 선박 목록 CSV의 열 이름(한글 또는 영문)을 쓰세요: " +
                string.Join(", ", VesselFieldTable.All.Select(Named)) + ".");
        }
        var twice = fields.OfType<VesselField>().GroupBy(f => f).FirstOrDefault(group => group.Count() > 1)?.Key;
        if (twice is not null)
        {
            var named = cells.Where((_, i) => fields[i] == twice).Select(cell => $"'{cell.Trim()}'");
            throw new ImportFormatException($"CSV 머리글에 {KoreanText.AsSubject(twice.Label)} 두 번 있습니다 ({string.Join(", ", named)}). 한 열만 남기세요.");
        }
        foreach (var required in new[] { VesselFieldTable.Name, VesselFieldTable.Imo })
        {
            if (!fields.Contains(required))
            {
                throw new ImportFormatException($"CSV 머리글에 {KoreanText.AsSubject(Named(required))} 없습니다. 선박을 찾고 만들려면 이 열이 있어야 합니다.");
            }
        }
        return fields;
    }

    /// <summary>The refusal of a file whose first line names no register field (or that has no line at all).</summary>
    public static ImportFormatException NoHeader() => new(
        $"JSON 배열도, 선박 목록 CSV도 아닙니다. CSV 첫 줄에는 {Named(VesselFieldTable.Name)}, {Named(VesselFieldTable.Imo)} 등의 열 이름이 있어야 합니다.");

    // Labels are matched without spaces, so "선박 구분(RO)" typed by hand still names the field.
    private static VesselField? FindColumn(string header) => VesselFieldTable.Find(header)
        ?? VesselFieldTable.All.FirstOrDefault(f => Compact(f.Label) == Compact(header));

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static bool IsIgnored(string header) => header.Length == 0 || header.Equals(IdHeader, StringComparison.OrdinalIgnoreCase);

    private static string Named(VesselField field) => $"{field.Label}({field.Key})";

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
