package io.pitwall.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pitwall.connectors.model.FindingSource;
import io.pitwall.connectors.model.KubeRef;
import io.pitwall.connectors.model.SecurityFinding;
import io.pitwall.connectors.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Security pane: chips with counts filter, grouping, details with the payload and the actions. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SecurityViewTest {

    private static final Instant T = Instant.parse("2026-11-24T02:00:00Z");
    private SecurityView view;
    private final FxRobot robot = new FxRobot();

    @Start
    void start(Stage stage) {
        // same-thread filtering: the test reads the list right after each change
        view = new SecurityView(new SecurityViewModel(Runnable::run, Runnable::run));
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    private static List<SecurityFinding> findings() {
        List<SecurityFinding> all = new ArrayList<>();
        all.add(new SecurityFinding("falco-1", Severity.CRITICAL, FindingSource.FALCO, T, "Terminal shell in container",
                "Terminal shell in container", "sock-shop", new KubeRef("Pod", "sock-shop", "carts-1"),
                "A shell was spawned in a container with an attached terminal", "",
                "{\"rule\":\"Terminal shell in container\",\"priority\":\"Critical\",\"output_fields\":{\"k8s.pod.name\":\"carts-1\"}}"));
        for (int i = 0; i < 30; i++) {
            all.add(new SecurityFinding("p-" + i, i % 3 == 0 ? Severity.HIGH : Severity.MEDIUM, FindingSource.POSTURE, null,
                    i % 3 == 0 ? "pss.baseline.privileged" : "pss.restricted.run-as-non-root",
                    i % 3 == 0 ? "Privileged container" : "May run as root", i < 15 ? "sock-shop" : "kube-system",
                    new KubeRef("Pod", i < 15 ? "sock-shop" : "kube-system", "pod-" + i), "why it matters", "set it false", "{}"));
        }
        return all;
    }

    @Test
    void severityChipsCountAndFilterAndGroupingGathersByRule() {
        robot.interact(() -> view.model().setFindings(findings()));
        assertThat(view.severityChip(Severity.CRITICAL).getText()).isEqualTo("Critical 1");
        assertThat(view.severityChip(Severity.HIGH).getText()).isEqualTo("High 10");
        assertThat(view.severityChip(Severity.MEDIUM).getText()).isEqualTo("Medium 20");
        assertThat(view.listed()).hasSize(31).first().extracting(SecurityFinding::id).isEqualTo("falco-1");

        robot.clickOn(view.severityChip(Severity.HIGH));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.listed()).hasSize(10).allMatch(f -> f.severity() == Severity.HIGH);
        robot.clickOn(view.severityChip(Severity.CRITICAL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.listed()).hasSize(11);
        robot.interact(() -> view.namespaceChoice().setValue("kube-system"));
        assertThat(view.listed()).hasSize(5).allMatch(f -> f.namespace().equals("kube-system"));

        robot.interact(() -> {
            view.severityChip(Severity.HIGH).setSelected(false);
            view.severityChip(Severity.CRITICAL).setSelected(false);
            view.namespaceChoice().setValue("All namespaces");
            view.groupingChoice().setValue(SecurityViewModel.Grouping.RULE);
        });
        assertThat(view.table().getRoot().getChildren()).extracting(i -> ((SecurityView.GroupRow) i.getValue()).key())
                .containsExactly("Terminal shell in container", "pss.baseline.privileged", "pss.restricted.run-as-non-root");
        assertThat(view.table().getRoot().getChildren()).extracting(i -> ((SecurityView.GroupRow) i.getValue()).label())
                .containsExactly("Terminal shell in container", "Privileged container  (pss.baseline.privileged)",
                        "May run as root  (pss.restricted.run-as-non-root)");
        assertThat(view.listed()).hasSize(31);

        robot.clickOn(view.sourceChip(FindingSource.FALCO));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.listed()).extracting(SecurityFinding::id).containsExactly("falco-1");
        robot.clickOn(view.searchField()).write("nothing like this");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.listed()).isEmpty();
    }

    @Test
    void detailsShowThePayloadAndTheActionsNameTheObjectAndTime() {
        List<Object> asked = new ArrayList<>();
        robot.interact(() -> {
            view.setOnShowInTopology(asked::add);
            view.setOnShowLogs((ref, at) -> asked.add(ref + " @ " + at));
            view.model().setFindings(findings());
            view.table().getSelectionModel().select(0);
        });
        assertThat(view.details().factsText()).contains("Source: Falco", "Object: Pod sock-shop/carts-1");
        assertThat(view.details().messageText()).contains("The rule (Falco, stable): A shell was used as the entrypoint");
        assertThat(view.details().payloadText()).contains("\"priority\" : \"Critical\"", "\"k8s.pod.name\" : \"carts-1\"");
        robot.clickOn("#security-show-topology");
        robot.clickOn("#security-show-logs");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(asked).containsExactly(new KubeRef("Pod", "sock-shop", "carts-1"),
                new KubeRef("Pod", "sock-shop", "carts-1") + " @ " + T);

        // a standing finding has no time: no logs "around" it
        robot.interact(() -> view.table().getSelectionModel().select(1));
        assertThat(robot.lookup("#security-show-logs").queryButton().isDisabled()).isTrue();
        assertThat(view.details().factsText()).contains("now (a standing finding)");
    }

    @Test
    void liveEventsAreAddedOnceAndTheChosenFindingStaysChosen() {
        robot.interact(() -> {
            view.model().setFindings(findings());
            view.table().getSelectionModel().select(0);
        });
        SecurityFinding chosen = view.details().shown();
        SecurityFinding next = new SecurityFinding("falco-2", Severity.CRITICAL, FindingSource.FALCO, T.plusSeconds(30),
                "Terminal shell in container", "", "sock-shop", new KubeRef("Pod", "sock-shop", "carts-1"), "again", "", "{}");
        robot.interact(() -> view.model().add(List.of(next, findings().getFirst())));
        assertThat(view.listed()).hasSize(32).first().extracting(SecurityFinding::id).isEqualTo("falco-2");
        assertThat(view.details().shown()).isEqualTo(chosen);
    }
}
