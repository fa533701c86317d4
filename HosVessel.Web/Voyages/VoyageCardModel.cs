namespace HosVessel.Web.Voyages;

/// <summary>
/// The model of <c>Pages/Voyage/_VoyageCard.cshtml</c>. A wrapper rather than a nullable voyage, because a
/// partial given a null model silently receives the parent page's model instead.
/// </summary>
public sealed record VoyageCardModel(Voyage? Voyage);

public static class VoyagePaths
{
    public static string Voyage(long id) => $"/voyage/{id}";

    public static string Vessel(long id) => $"/vessel/{id}";
}
