using System.Globalization;
using System.Text;
using HosVessel.Web;

namespace HosVessel.AppHost.Publishing;

/// <summary>Writes <c>.env.example</c>: every variable the operator sets, each with a Korean comment.</summary>
public static class EnvExampleWriter
{
    public const string FileName = ".env.example";

    /// <summary>A line of .env; <paramref name="Commented"/> ones are shown as <c># NAME=value</c>, for the operator to switch on.</summary>
    public sealed record Variable(string Name, string ExampleValue, bool Commented, params string[] Comments);

    public static IReadOnlyList<Variable> Variables(DeploymentModel model) =>
    [
        new("COMPOSE_PROJECT_NAME", "hosvessel", false,
            "compose 프로젝트 이름 (컨테이너·네트워크 이름 앞부분). 이 폴더(aspire-manifest)에서 compose 를 실행할 때 쓰입니다."),
        new(DeploymentContract.ApiKeyVariable, "", false,
            "n8n 등이 /api 를 호출할 때 보내는 API 키. 비워 두면 /api 는 503 으로 응답합니다.",
            "예전 앱과 같은 값을 쓰면 n8n 을 고칠 필요가 없습니다. 새로 만들 때: openssl rand -hex 32"),
        new(DeploymentContract.AdminUsernameVariable, "admin", false,
            "첫 관리자 계정 이름. 사용자가 한 명도 없는 첫 시작 때만 쓰입니다 (예전 앱의 사용자를 가져오면 쓰이지 않음)."),
        new(DeploymentContract.AdminPasswordVariable, "", false,
            "첫 관리자 비밀번호. 첫 시작 때만 쓰이며, 로그인한 뒤 바꾸고 여기서는 지워도 됩니다."),
        new("HOS_PORT", DeploymentModel.DefaultHostPort.ToString(CultureInfo.InvariantCulture), false,
            "호스트에서 앱이 열릴 포트 (예전 Flask 앱과 같은 5000). 전환하는 날에는 예전 앱을 먼저 멈춰야 이 포트가 비어 있습니다."),
        new("HOS_BIND", "0.0.0.0", false,
            "포트를 열 호스트 주소. Caddy 를 통해서만 접속하게 하려면 127.0.0.1 (호스트의 Caddy 는 그대로 접속됩니다)."),
        new("HOS_DATA_DIR", "../data", false,
            $"SQLite 파일을 둘 호스트 폴더 (이 파일 기준 상대 경로 또는 절대 경로). 컨테이너의 {model.DataFolder} 에 연결됩니다.",
            $"소유자는 {DeploymentContract.ContainerUser} 이어야 합니다: sudo chown {DeploymentContract.ContainerUser} <폴더>"),
        new("HOS_BACKUP_DIR", "../data/backups", false,
            $"백업 폴더 (컨테이너의 {DeploymentModel.BackupFolder}). 데이터와 다른 디스크나 NAS 마운트를 권장합니다.",
            $"미리 만들고 소유자를 맞추세요: sudo mkdir -p <폴더> && sudo chown {DeploymentContract.ContainerUser} <폴더>"),
        new("HOS_DOMAIN", "hos.example.com", false,
            "Caddy 가 HTTPS 로 서비스할 도메인 (DDNS 이름). caddy-route.sh 가 씁니다."),
        new("HOS_UPSTREAM", CaddyFileWriter.DefaultUpstream, false,
            "caddy-route.sh 가 Caddy 에 알려 줄 앱 주소 (Caddy 에서 본 주소).",
            $"Caddy 가 컨테이너 안에서 돌고 아래 {DeploymentModel.ProxyNetworkVariable} 를 쓰면 {CaddyFileWriter.ContainerUpstream}."),
        new("COMPOSE_FILE", $"{ComposeFileWriter.FileName}:{ComposeFileWriter.ProxyOverlayFileName}", true,
            $"Caddy 가 컨테이너 안에서 돌 때만: 아래 두 줄의 # 를 지우면 web 이 Caddy 의 Docker 네트워크에 {DeploymentModel.ProxyAlias} 라는 이름으로 붙습니다.",
            "네트워크 이름 확인: docker inspect -f '{{json .NetworkSettings.Networks}}' <caddy 컨테이너 이름>"),
        new(DeploymentModel.ProxyNetworkVariable, "caddy_default", true),
        new(DeploymentContract.OtlpEndpointVariable, "", false,
            "텔레메트리를 보낼 OTLP 주소. 비워 두면 보내지 않습니다 (오류 로그도 없음).",
            $"대시보드를 켤 때: docker compose --profile {ComposeFileWriter.TelemetryProfile} up -d 와 함께",
            $"{DeploymentContract.OtlpEndpointVariable}=http://{ComposeFileWriter.DashboardService}:{ComposeFileWriter.DashboardOtlpGrpcPort}"),
        new(DeploymentContract.TrustedNetworksVariable, "", false,
            "X-Forwarded-* 헤더를 믿을 프록시 네트워크 (쉼표로 구분한 CIDR).",
            "비워 두면 루프백과 Docker 브리지 대역만 (127.0.0.0/8, ::1, 172.16.0.0/12). 사내 LAN 대역(10.x, 192.168.x)은 넣지 마세요.",
            "Caddy 의 요청이 오는 대역 확인: docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' <네트워크 이름>"),
    ];

    public static string Write(DeploymentModel model)
    {
        var text = new StringBuilder();
        text.Append(GeneratedHeader.Lines("#"));
        text.Append("# 사용법: cp .env.example .env 후 값을 채우세요. .env 는 git 에 올라가지 않습니다.\n");
        foreach (var variable in Variables(model))
        {
            // A commented variable continues the block above it (the two proxy lines go together).
            if (!variable.Commented || variable.Comments.Length > 0)
            {
                text.Append('\n');
            }
            foreach (var comment in variable.Comments)
            {
                text.Append($"# {comment}\n");
            }
            text.Append(variable.Commented ? "# " : "").Append($"{variable.Name}={variable.ExampleValue}\n");
        }
        return text.ToString();
    }
}
