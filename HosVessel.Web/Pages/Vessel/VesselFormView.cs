using HosVessel.Web.Vessels;

namespace HosVessel.Web.Pages.VesselPages;

/// <summary>What the shared create/edit form partial shows: the values as typed and the messages by field key.</summary>
public sealed record VesselFormView(VesselFields Input, IReadOnlyDictionary<string, string> Errors);
