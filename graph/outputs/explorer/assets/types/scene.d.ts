// The scene the explorer reads, generated from graph/drawing/schema/scene.schema.json
// by `python tests/test_scene_schema.py`: do not edit; change the schema.

/** What every picture of an actor graph draws, where and how: the payload graph.scene.scene() builds, which the HTML explorer reads from its <script id="graph-data"> element and the print figure and GEXF export draw from. Lengths (positions, radii, boxes) are in the units of label_size, the labels' font size, with y pointing down. Text from the dataset is plain text, never markup. Version 3 (version 2 had balance for the whole data and every month or none at all; version 1 had no balance, quiz, quiz_unavailable or glossary). */
interface Scene {
  /** Version of this payload's layout; it changes when a field changes meaning or goes away. */
  readonly version: 3;
  /** The dataset's title (G.graph['title'], which graph.load takes from datapackage.json); empty when the graph has none. The explorer's printed source line names it. */
  readonly title: string;
  /** Font size of the actors' labels, in the units of positions, radii and boxes: a picture scales them all together, so labels the layout keeps apart stay apart at any zoom. */
  readonly label_size: number;
  /** Most actors whose labels the layout keeps apart (graph.layout.LABELLED_UP_TO). Above it the labels are too many to read at once, and the explorer does not stretch the positions to the canvas's shape (moving every actor would take seconds). */
  readonly labelled_up_to: number;
  /** How far an actor's shape reaches from its point, in radii (triangles reach 2/sqrt(3) of theirs; graph.drawing.layout.SHAPE_REACH): a picture keeps names off the square this far around each point. */
  readonly shape_reach: number;
  /** The explorer page's screen widths, in CSS pixels (absent from a scene alone): below narrow_px its panels start closed and stack under the network; up to phone_px the page is laid out for a phone. */
  readonly screens?: Screens;
  /** The most relations the explorer's network draws at once from its group view (absent from a scene alone; graph.outputs.explorer.payload.DRAWN_RELATIONS_UP_TO): opening a group or unfolding all that would draw more says so and offers a searched actor's neighbours or a month instead. */
  readonly drawn_relations_up_to?: number;
  /** What the actors' sizes show, in words: 'number of relations' by default, or the name of the size_by series. */
  readonly size: string;
  /** The actors, sorted by id. */
  readonly nodes: SceneNode[];
  /** The relations, sorted by source, target and key; the id of each is its index here. */
  readonly edges: SceneEdge[];
  /** Legend entries for what the data holds; the filters offer the same values. */
  readonly legend: Legend;
  /** The relation types present, support first, then by label: the relation-type filter. */
  readonly types: RelationType[];
  /** Every month from the first to the last day of the relations' dates, widened to the story's and the start date's: the steps of the time slider. Empty when no relation is dated. */
  readonly months: Period[];
  /** The period the time slider starts at, or null to start with every relation shown (all dates). */
  readonly at: Period | null;
  /** The period the graph was cut to, in words (G.graph['period'], which graph.between sets: 'from 2015-10 to 2016-06', 'in 2016', 'until 2015-09-29'; build --from/--to), absent for the whole data. The explorer shows it under the title and in its source line. Plain text. */
  readonly period?: string;
  /** The story's steps, in the order told; empty without a story. */
  readonly story: StoryStep[];
  /** Structural balance for the explorer's balance view; only in the explorer's scene. */
  readonly balance?: Balance;
  /** The quiz, or null when the data are too small or too balanced to ask good questions (quiz_unavailable says why); only in the explorer's scene. */
  readonly quiz?: Quiz | null;
  /** Why there is no quiz, or null when there is one; only in the explorer's scene. */
  readonly quiz_unavailable?: string | null;
  /** The glossary, in the order of graph/glossary.csv; only in the explorer's scene. */
  readonly glossary?: GlossaryEntry[];
}

/** The explorer page's screen widths, in CSS pixels (absent from a scene alone): below narrow_px its panels start closed and stack under the network; up to phone_px the page is laid out for a phone. */
interface Screens {
  /** Below this width, panels start closed. */
  readonly narrow_px: number;
  /** Up to this width, the page is laid out for a phone: the legend starts closed too, the network comes first. */
  readonly phone_px: number;
}

/** An actor and how it is drawn. */
interface SceneNode {
  /** The actor's id in the dataset. */
  readonly id: string;
  /** The actor's name, as the panel, the table and search show it. */
  readonly name: string;
  /** The name as the network draws it: broken at spaces into lines of at most 18 characters (a CJK character counts two), and where the name has a line break; lines are separated by a line break. */
  readonly label: string;
  /** Other names, which search also finds. */
  readonly aliases: string[];
  /** Kind of actor (state, armed group, ...), shown by its shape. */
  readonly kind: string;
  /** The camp it belongs to in the data, shown by its colour. */
  readonly camp: string;
  /** A sentence about the actor; may be empty. */
  readonly description: string;
  /** Horizontal position of its point, in label_size units. */
  readonly x: number;
  /** Vertical position of its point, in label_size units, y pointing down. */
  readonly y: number;
  /** Radius of its shape, in label_size units; the area grows linearly with the sized value. */
  readonly size: number;
  /** The space an actor takes in a drawing, its shape and its label (graph.layout.actor_boxes): edges relative to the actor's point, in label_size units, y pointing down. The layout keeps these boxes from overlapping (up to labelled_up_to actors); pictures fit them to their canvas. */
  readonly box: Box;
  /** How far below its point the top of its label is when the label hangs below the shape (every vis-network shape but those drawn around their label, and every shape in the print figure), in label_size units. */
  readonly label_top: number;
  /** Fill colour of its shape: its camp's colour. */
  readonly colour: string;
  /** vis-network shape of its kind (dot, triangle, triangleDown, hexagon, square, diamond, star; ellipse for other kinds, drawn around the label). */
  readonly shape: string;
  /** Number of relations it takes part in, either way. */
  readonly degree: number;
  /** First day it exists (the first day of the partial start date in actors.csv), or null when open. At a period it does not overlap (the rule of graph.snapshot), the actor and its relations are not drawn. */
  readonly active_from: string | null;
  /** Last day it exists (the last day of the partial end date), or null when open. */
  readonly active_to: string | null;
}

/** The space an actor takes in a drawing, its shape and its label (graph.layout.actor_boxes): edges relative to the actor's point, in label_size units, y pointing down. The layout keeps these boxes from overlapping (up to labelled_up_to actors); pictures fit them to their canvas. */
interface Box {
  /** Left edge (negative: left of the point). */
  readonly left: number;
  /** Top edge (negative: above the point). */
  readonly top: number;
  /** Right edge. */
  readonly right: number;
  /** Bottom edge, below the label hung under the shape. */
  readonly bottom: number;
}

/** A relation and how it is drawn: an arrow from the actor who acts to the one acted on. */
interface SceneEdge {
  /** Its index in edges. */
  readonly id: number;
  /** Id of the actor who acts. */
  readonly from: string;
  /** Id of the actor acted on. */
  readonly to: string;
  /** Its key in the graph, which tells relations between the same two actors apart. */
  readonly key: number | string;
  /** Relation type, an id of the vocabulary (relation_types.csv). */
  readonly type: string;
  /** The vocabulary's words for the type, as in 'A <label> B'. */
  readonly label: string;
  /** 1 for support, -1 for opposition, 0 for neutral. */
  readonly sign: number;
  /** Start date as written in the data (YYYY, YYYY-MM or YYYY-MM-DD), or null when open. */
  readonly start: string | null;
  /** End date as written in the data, or null when open. */
  readonly end: string | null;
  /** When it holds, in words ('since 30 September 2015'). */
  readonly when: string;
  /** First day it covers (the first day of a partial start date), or null when open. A relation is shown at a period when active_from is null or on or before the period's last day, and active_to is null or on or after its first day (the rule of graph.snapshot). */
  readonly active_from: string | null;
  /** Last day it covers (the last day of a partial end date), or null when open. */
  readonly active_to: string | null;
  /** How sure the source is: confirmed, reported, claimed or alleged. */
  readonly confidence: string;
  /** True for a relation that goes both ways (talks, an alliance: its type is symmetric in the vocabulary), drawn without an arrow head. */
  readonly symmetric: boolean;
  /** How much it counts in its pair's signed tie (graph.core.signs.relation_strength: its weight's magnitude, 1 without a weight, 0 for a weight of 0), or null when it counts in no tie: a neutral relation, a loop, or the second row of a symmetric relation written both ways (graph.network.build.distinct_relations). The page's ties follow graph.signed_graph's tie rule on these numbers: the sign of the sum of sign times strength; when that is 0, the sign of the number of support minus opposition relations; when that is 0 too, opposition. */
  readonly strength: number | null;
  /** A verbatim quote from the source; may be empty. */
  readonly evidence: string;
  /** The source cited; may be empty. */
  readonly citation: string;
  /** Where the dates come from, when not from the evidence; may be empty. */
  readonly date_source: string;
  /** Line colour, by sign (graph.style.edge_colour). */
  readonly colour: string;
  /** The id of the relation whose drawn line it shares: relations between the same two actors in the same direction with the same type, sign and confidence (event data's many rows of one kind) are drawn as one line, named by its first relation and labelled with the number of its relations shown; the table still lists each. Equal to id for a line's first relation. */
  readonly line: number;
  /** How much the line is bent, the same for every relation of a line, for lines between the same two actors (vis-network's curvedCW roundness; the figure bends the other way in y-up axes), or null for a straight line. */
  readonly roundness: number | null;
  /** Dash pattern by sign: solid support, dashed opposition, dotted neutral. */
  readonly dashes: number[];
  /** Line width in screen pixels at the picture's fitted zoom, by confidence, wider for a heavier line (its relations' total weight). */
  readonly width: number;
  /** Line opacity from 0 to 1, by confidence. */
  readonly opacity: number;
}

/** Legend entries for what the data holds; the filters offer the same values. */
interface Legend {
  /** What colours the actors (version 3): the data's camps, or, when the data name fewer than two, groups found in the data (graph.drawing.scene.colour_groups); camps then holds those groups and every node's camp is its group's name. */
  readonly colour_by: ColourBy;
  /** Camps (or the groups found, see colour_by) by decreasing number of actors, then by name. */
  readonly camps: LegendCamp[];
  /** Kinds of actor by decreasing number of actors, then by name. */
  readonly kinds: LegendKind[];
  /** Relation signs present: support, opposition, then neutral. */
  readonly signs: LegendSign[];
  /** Confidence levels present, from the surest (confirmed, reported, claimed, alleged, then others by name): the order the table sorts them in. */
  readonly confidence: LegendConfidence[];
}

/** What colours the actors (version 3): the data's camps, or, when the data name fewer than two, groups found in the data (graph.drawing.scene.colour_groups); camps then holds those groups and every node's camp is its group's name. */
interface ColourBy {
  /** camp: the data's camps; side: the two sides of structural balance; group: communities, for data without signs. */
  readonly by: "camp" | "side" | "group";
  /** How the groups were found, in words, for the legend. */
  readonly how: string;
}

interface LegendCamp {
  /** The camp's name. */
  readonly camp: string;
  /** The camp's colour. */
  readonly colour: string;
  /** Number of its actors. */
  readonly actors: number;
}

interface LegendKind {
  /** The kind's name. */
  readonly kind: string;
  /** Its vis-network shape, as in nodes. */
  readonly shape: string;
  /** Number of actors of this kind. */
  readonly actors: number;
}

interface LegendSign {
  /** 1, -1 or 0. */
  readonly sign: number;
  /** The sign in words (support, opposition, neutral), as the page writes it everywhere. */
  readonly name: string;
  /** Number of relations of this sign. */
  readonly relations: number;
  /** Line colour of this sign. */
  readonly colour: string;
  /** Dash pattern of this sign. */
  readonly dashes: number[];
}

interface LegendConfidence {
  /** The level, as in edges' confidence. */
  readonly level: string;
  /** What the level says about a relation, in words ('reported as fact'). */
  readonly meaning: string;
  /** Number of relations at this level. */
  readonly relations: number;
  /** Line width of this level, in screen pixels. */
  readonly width: number;
  /** Line opacity of this level, 0 to 1. */
  readonly opacity: number;
  /** Dash pattern of a support relation at this level: doubt adds dots to the line (graph.style.edge_style), so claimed and alleged differ in grayscale too. */
  readonly dashes: number[];
}

/** A relation type present in the data. */
interface RelationType {
  /** The type's id, as in edges' type. */
  readonly type: string;
  /** The vocabulary's words for it. */
  readonly label: string;
  /** Its sign: 1, -1 or 0. */
  readonly sign: number;
  /** Number of relations of this type. */
  readonly relations: number;
}

/** A stretch of time the page can show: a month of the slider, a start date, a story step's date. */
interface Period {
  /** The date as written (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly date: string;
  /** The date in words ('September 2015'). */
  readonly label: string;
  /** Its first day. */
  readonly first: string;
  /** Its last day. */
  readonly last: string;
}

/** A step of the story: a period, a caption, and the actors it is about. */
interface StoryStep {
  /** The step's date as written. */
  readonly date: string;
  /** The date in words. */
  readonly label: string;
  /** Its first day. */
  readonly first: string;
  /** Its last day. */
  readonly last: string;
  /** The step's title. */
  readonly title: string;
  /** What happened, a quote from the source. */
  readonly caption: string;
  /** The source of the caption; may be empty. */
  readonly citation: string;
  /** Ids of the actors the step highlights. */
  readonly actors: string[];
}

/** Structural balance, precomputed for the explorer's balance view: the whole data's, every month's, the what-ifs and the predictions for open pairs, wherever the signed graph has at most max_ties ties: the whole data's (all, without, predictions) when the whole data do, each month's when that month's active ties do (version 3; before, all or nothing). */
interface Balance {
  /** Balance of every relation, whatever its dates; null when the whole data have more than max_ties signed ties (without and predictions are then empty). */
  readonly all: BalanceState | null;
  /** The most signed ties for which balance is computed, for the whole data or for one month. */
  readonly max_ties: number;
  /** The months (YYYY-MM) the relations' dates cover whose active signed ties are more than max_ties, in order: no balance for them. */
  readonly months_over: string[];
  /** Balance month by month, one entry per month of the scene's months that the relations' dates cover and whose active signed ties are at most max_ties, in order. */
  readonly months: BalanceMonth[];
  /** What-if for the most central actors (most signed ties, top 10): balance without each. */
  readonly without: BalanceWithout[];
  /** Balance predictions for pairs with no support or opposition tie, ranked by agreement then triangles. */
  readonly predictions: BalancePrediction[];
  /** Colour of actors in no group. */
  readonly unplaced_colour: string;
}

/** Structural balance of the signed graph (graph.analysis.balance_view): a two-group partition the data themselves find, its L and the ties it leaves frustrated. */
interface BalanceState {
  /** The frustration index: the fewest ties whose sign must flip for the actors to split into two sides, friends inside and enemies across (graph.balance.frustration). */
  readonly L: number;
  /** Whether L is proven the fewest (true), or only the best partition found in the time allowed (false; then lower_bound <= L). */
  readonly proven: boolean;
  /** The proven lower bound of the frustration index; equals L when proven. */
  readonly lower_bound: number;
  /** The partition's groups, largest first. */
  readonly groups: BalanceGroup[];
  /** Actors with no support or opposition tie here: in no group. */
  readonly unplaced: string[];
  /** The ties the partition leaves frustrated: support between groups, opposition inside one. */
  readonly frustrated: FrustratedTie[];
}

/** One group of a partition. */
interface BalanceGroup {
  /** The group's name: the id of its most central actor (most signed ties). */
  readonly id: string;
  /** Its actors' ids, in the graph's order. */
  readonly members: string[];
  /** Colour of its actors in the balance view: the colour of the whole data's group it shares most members with, so a side keeps its colour from month to month. */
  readonly colour: string;
}

/** A support or opposition tie a partition leaves frustrated (one per pair of actors, as graph.signed_graph). */
interface FrustratedTie {
  /** One actor's id. */
  readonly from: string;
  /** The other actor's id. */
  readonly to: string;
  /** The tie's sign: +1 support, -1 opposition. */
  readonly sign: number;
}

/** Balance of the relations active in one month. */
interface BalanceMonth {
  /** The month, YYYY-MM: the date of one of the scene's months. */
  readonly month: string;
  /** Actors whose group differs from the previous month's (none the first month). */
  readonly changed_sides: string[];
  /** The frustration index: the fewest ties whose sign must flip for the actors to split into two sides, friends inside and enemies across (graph.balance.frustration). */
  readonly L: number;
  /** Whether L is proven the fewest (true), or only the best partition found in the time allowed (false; then lower_bound <= L). */
  readonly proven: boolean;
  /** The proven lower bound of the frustration index; equals L when proven. */
  readonly lower_bound: number;
  /** The partition's groups, largest first. */
  readonly groups: BalanceGroup[];
  /** Actors with no support or opposition tie here: in no group. */
  readonly unplaced: string[];
  /** The ties the partition leaves frustrated: support between groups, opposition inside one. */
  readonly frustrated: FrustratedTie[];
}

/** What-if: balance of every relation once one of the most central actors is removed. */
interface BalanceWithout {
  /** The actor removed. */
  readonly actor: string;
  /** Actors whose group differs from the whole data's. */
  readonly changed_sides: string[];
  /** The frustration index: the fewest ties whose sign must flip for the actors to split into two sides, friends inside and enemies across (graph.balance.frustration). */
  readonly L: number;
  /** Whether L is proven the fewest (true), or only the best partition found in the time allowed (false; then lower_bound <= L). */
  readonly proven: boolean;
  /** The proven lower bound of the frustration index; equals L when proven. */
  readonly lower_bound: number;
  /** The partition's groups, largest first. */
  readonly groups: BalanceGroup[];
  /** Actors with no support or opposition tie here: in no group. */
  readonly unplaced: string[];
  /** The ties the partition leaves frustrated: support between groups, opposition inside one. */
  readonly frustrated: FrustratedTie[];
}

/** What structural balance predicts for a pair of actors with no support or opposition tie, from the actors they share (graph.balance_predictions, every relation). */
interface BalancePrediction {
  /** One actor's id (sorts first). */
  readonly actor: string;
  /** The other actor's id. */
  readonly other: string;
  /** +1 allies, -1 enemies, 0 as many triangles each way. */
  readonly prediction: number;
  /** Triangles behind the prediction: shared neighbours, each a vote. */
  readonly triads: number;
  /** Votes for the prediction (half the votes when split). */
  readonly agreeing: number;
  /** Shared neighbours whose triangle votes for the prediction (when split: those voting allies). */
  readonly supporting: string[];
  /** Shared neighbours whose triangle votes against it (when split: those voting enemies). */
  readonly opposing: string[];
}

/** The explorer's quiz, graph.quiz_payload(graph.quiz_questions(G, n=10)). */
interface Quiz {
  /** Version of graph.quiz_payload's layout. */
  readonly version: number;
  /** The three answers, in the order A, B, C (keys 1, 2, 3). */
  readonly answers: string[];
  /** The levels, from the first asked to the last. */
  readonly levels: string[];
  /** The questions, in order. */
  readonly questions: QuizQuestion[];
}

/** One question of graph.quiz_payload: allies, enemies, or neither? */
interface QuizQuestion {
  /** Its number, from 1, the order to ask. */
  readonly number: number;
  /** hidden (a recorded tie, hidden) or open (no relation recorded). */
  readonly kind: string;
  /** One actor's id. */
  readonly actor: string;
  /** The other actor's id. */
  readonly other: string;
  /** The actor's name. */
  readonly actor_name: string;
  /** The other's name. */
  readonly other_name: string;
  /** The question, in words. */
  readonly question: string;
  /** Sentences, two per triangle behind the prediction (supporting then opposing): the two actors' ties with their shared neighbour. */
  readonly clues: string[];
  /** The key: one of the answers (recorded for a hidden question, predicted for an open one). */
  readonly answer: string;
  /** What the data record (one of the answers), or null for an open question. */
  readonly recorded: string | null;
  /** What balance theory predicts (one of the answers). */
  readonly predicted: string;
  /** Whether recorded equals predicted; null for an open question. */
  readonly agree: boolean | null;
  /** clear-cut, leaning or contested (one of levels). */
  readonly level: string;
  /** +1, -1 or 0, as graph.balance_predictions. */
  readonly prediction: number;
  /** The tie's recorded sign, or null for an open question. */
  readonly observed: number | null;
  /** Triangles behind the prediction. */
  readonly triads: number;
  /** Share of the triangles that agree with the prediction, 0.5 to 1. */
  readonly agreement: number;
  /** Shared neighbours voting for the prediction. */
  readonly supporting: string[];
  /** Shared neighbours voting against it. */
  readonly opposing: string[];
  /** The relations recorded between the two actors; empty for an open question. */
  readonly records: QuizRecord[];
  /** What the data record, what balance predicts and why, and whether they agree, in plain words. */
  readonly explanation: string;
}

/** A relation the data record between a question's two actors. */
interface QuizRecord {
  /** Id of the actor who acts. */
  readonly source: string;
  /** Id of the actor acted on. */
  readonly target: string;
  /** Name of the actor who acts. */
  readonly source_name: string;
  /** Name of the actor acted on. */
  readonly target_name: string;
  /** Relation type. */
  readonly type: string;
  /** The type's label, a verb phrase. */
  readonly label: string;
  /** +1 support, -1 opposition, 0 neutral. */
  readonly sign: number;
  /** Start date as written (partial ISO date), or null. */
  readonly start: string | null;
  /** End date as written, or null. */
  readonly end: string | null;
  /** When it holds, in words. */
  readonly when: string;
  /** confirmed, reported, claimed or alleged. */
  readonly confidence: string;
  /** The verbatim quote from the source. */
  readonly evidence: string;
  /** The source. */
  readonly citation: string;
  /** Where the dates come from, when not from the quote. */
  readonly date_source: string;
}

/** A word the explorer uses, in plain language (graph.glossary()). */
interface GlossaryEntry {
  /** The word, lower case unless a name. */
  readonly term: string;
  /** Its meaning, for a 15-year-old. */
  readonly definition: string;
}
