using HosVessel.Web.Exports;

namespace HosVessel.Web.Voyages;

/// <summary>The voyage list as CSV: every field of the field table under its Korean label, then when it was last updated.</summary>
public static class VoyageCsv
{
    public static IReadOnlyList<CsvColumn<Voyage>> Columns { get; } =
    [
        .. VoyageFieldTable.All.Select(field => new CsvColumn<Voyage>(field.Label, voyage => field.Get(voyage))),
        new("마지막 업데이트 (KST)", voyage => KoreanTime.Format(voyage.UpdatedAt)),
    ];
}
