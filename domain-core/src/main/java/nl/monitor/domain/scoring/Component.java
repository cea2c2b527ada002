package nl.monitor.domain.scoring;

/** The three parts of a goal's score; comparisons may switch any of them off. */
public enum Component {
    BORGING,
    INHOUD,
    BEREIK
}
