using System.Text.Json.Serialization;

namespace HosVessel.Web.Voyages;

// The JSON names are n8n's, so the read API answers in the same shape the feed sends. These records only
// give OpenAPI its schema; VoyageFieldTableTests fails when they and VoyageFieldTable disagree.

public sealed record PscInspectionDto(
    [property: JsonPropertyName("mou_1")] string? Mou1,
    [property: JsonPropertyName("date_1")] string? Date1,
    [property: JsonPropertyName("mou_2")] string? Mou2,
    [property: JsonPropertyName("date_2")] string? Date2);

public sealed record LastPortDto(
    [property: JsonPropertyName("port")] string? Port,
    [property: JsonPropertyName("etd")] string? Etd);

public sealed record NextPortDto(
    [property: JsonPropertyName("port")] string? Port,
    [property: JsonPropertyName("eta")] string? Eta,
    [property: JsonPropertyName("etb")] string? Etb,
    [property: JsonPropertyName("etd")] string? Etd);

/// <summary>One item of the push body (documents the contract; the body is parsed by <see cref="VoyageFeedParser"/>).</summary>
public sealed record VoyageFeedItemDto(
    [property: JsonPropertyName("vessel_name")] string VesselName,
    [property: JsonPropertyName("voy_no")] string? VoyNo,
    [property: JsonPropertyName("line")] string? Line,
    [property: JsonPropertyName("teu")] string? Teu,
    [property: JsonPropertyName("flag")] string? Flag,
    [property: JsonPropertyName("captain")] string? Captain,
    [property: JsonPropertyName("chief_engineer")] string? ChiefEngineer,
    [property: JsonPropertyName("safety_supervisor")] string? SafetySupervisor,
    [property: JsonPropertyName("ops_supervisor")] string? OpsSupervisor,
    [property: JsonPropertyName("psc_inspection")] PscInspectionDto? PscInspection,
    [property: JsonPropertyName("last_port")] LastPortDto? LastPort,
    [property: JsonPropertyName("next_port")] NextPortDto? NextPort,
    [property: JsonPropertyName("itinerary")] string? Itinerary);

public sealed record VoyageDto(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("vessel_name")] string VesselName,
    [property: JsonPropertyName("voy_no")] string? VoyNo,
    [property: JsonPropertyName("line")] string? Line,
    [property: JsonPropertyName("teu")] string? Teu,
    [property: JsonPropertyName("flag")] string? Flag,
    [property: JsonPropertyName("captain")] string? Captain,
    [property: JsonPropertyName("chief_engineer")] string? ChiefEngineer,
    [property: JsonPropertyName("safety_supervisor")] string? SafetySupervisor,
    [property: JsonPropertyName("ops_supervisor")] string? OpsSupervisor,
    [property: JsonPropertyName("psc_inspection")] PscInspectionDto PscInspection,
    [property: JsonPropertyName("last_port")] LastPortDto LastPort,
    [property: JsonPropertyName("next_port")] NextPortDto NextPort,
    [property: JsonPropertyName("itinerary")] string? Itinerary,
    [property: JsonPropertyName("vessel_id")] long? VesselId,
    [property: JsonPropertyName("updated_at")] string UpdatedAt)
{
    public static VoyageDto From(Voyage voyage)
    {
        var f = voyage;
        return new VoyageDto(voyage.Id, f.VesselName, f.VoyNo, f.Line, f.Teu, f.Flag, f.Captain, f.ChiefEngineer,
            f.SafetySupervisor, f.OpsSupervisor,
            new PscInspectionDto(f.PscMou1, f.PscDate1, f.PscMou2, f.PscDate2),
            new LastPortDto(f.LastPort, f.LastEtd),
            new NextPortDto(f.NextPort, f.NextEta, f.NextEtb, f.NextEtd),
            f.Itinerary, voyage.VesselId, voyage.UpdatedAt);
    }
}

public sealed record VoyageListDto(
    [property: JsonPropertyName("items")] IReadOnlyList<VoyageDto> Items,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("total_count")] long TotalCount,
    [property: JsonPropertyName("total_pages")] int TotalPages);

/// <summary>n8n checks only the status and <c>message</c>; the rest is for the person reading its run log.</summary>
public sealed record VoyagePushResponse(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("received")] int Received,
    [property: JsonPropertyName("linked")] int Linked,
    [property: JsonPropertyName("unlinked")] IReadOnlyList<string> Unlinked,
    [property: JsonPropertyName("duplicates")] IReadOnlyList<string> Duplicates);

public sealed record VoyageClearResponse(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("removed")] int Removed);
